import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as run } from "../../src/cli/program.js";
import { fakeTerminal } from "../helpers/fake-terminal.js";

describe("the questionnaire at a terminal", () => {
  it("asks every question with progress and a hint, then prints the result to stdout", async () => {
    const term = fakeTerminal();
    const exit = run(["--json"], term.io);
    await term.waitFor("(1/22) What does the team run in production today?");
    term.press("enter"); // nothing yet (default)
    await term.waitFor("(2/22) How much Kubernetes experience does the team have?");
    expect(term.screen()).toContain("Be honest: running Kubernetes in production is the main cost of EKS.");
    term.press("down");
    term.press("down");
    term.press("enter"); // proficient
    await term.waitFor("(3/22) What is your cloud strategy?");
    term.press("enter"); // aws-only (default)
    await term.waitFor("(4/22) How many engineers");
    term.type("25");
    term.press("enter");
    await term.waitFor("(5/22) How many services will you run?");
    term.type("12");
    term.press("enter");
    await term.waitFor("(6/22)");
    term.press("enter"); // moderate (default)
    await term.waitFor("16 more questions have defaults. Answer them, or finish now?");
    term.press("enter"); // keep answering (default)
    await term.acceptDefaults(7, 12, 22); // how the load moves: "Don't know", chosen by default
    await term.waitFor("(13/22) Which Kubernetes ecosystem tools do you need?");
    term.press("space"); // helm
    term.press("enter");
    await term.acceptDefaults(14, 22);
    await term.review(); // show the recommendation
    expect(await exit).toBe(0);
    const result = JSON.parse(term.stdout.text);
    expect(result.answers).toEqual({
      currentPlatform: "none",
      currentPlatformFit: "content",
      kubernetesExperience: "proficient",
      cloudStrategy: "aws-only",
      engineers: 25,
      microservices: 12,
      budget: "moderate",
      opsCapacity: "some",
      internalPlatform: "none",
      requirements: [],
      workload: "services",
      computeSpend: "unknown",
      ecosystem: ["helm"],
      timeToMarket: "normal",
      growth: "moderate",
      serviceCommunication: "simple",
      clusters: 1,
      // The workload prompts were left empty (assumed from the services); the pricing, never asked, and the Region took their defaults.
      pricing: "on-demand",
      region: "us-east-1",
    });
    expect(term.stdout.text).not.toContain("How much");
  });

  it("reaches a result in seven prompts: the quick questions, then finish with the defaults", async () => {
    const term = fakeTerminal();
    const exit = run(["--json"], term.io);
    await term.acceptDefaults(1, 3, 22);
    await term.waitFor("(4/22) How many engineers");
    term.press("enter"); // empty: unknown
    await term.acceptDefaults(5, 6, 22);
    await term.waitFor("Answer them, or finish now?");
    term.press("down");
    term.press("enter"); // finish now
    await term.review(); // show the recommendation
    expect(await exit).toBe(0);
    // Seven prompts before the review, then the review itself.
    expect(term.screen().match(/✔/g)).toHaveLength(8);
    expect(term.screen().split("✔").at(-1)).toContain("Your answers.");
    const answers = JSON.parse(term.stdout.text).answers;
    expect(answers).toMatchObject({ currentPlatform: "none", kubernetesExperience: "none", microservices: 5, opsCapacity: "some", clusters: 1 });
    expect(answers).not.toHaveProperty("engineers");
  });

  it("asks how the team feels about what it runs only when something runs, numbered after it so the count stays, and still finishes in eight prompts", async () => {
    const term = fakeTerminal();
    const exit = run(["--json"], term.io);
    await term.waitFor("(1/22) What does the team run in production today?");
    term.press("down");
    term.press("enter"); // Amazon ECS
    await term.waitFor("(1.1/22) How does the team feel about what it runs today?");
    term.press("down");
    term.press("down");
    term.press("enter"); // leaving
    await term.acceptDefaults(2, 6, 22);
    await term.waitFor("Answer them, or finish now?");
    term.press("down");
    term.press("enter"); // finish now
    await term.review(); // show the recommendation
    expect(await exit).toBe(0);
    // Eight prompts, then the review.
    expect(term.screen().match(/✔/g)).toHaveLength(9);
    const result = JSON.parse(term.stdout.text);
    expect(result.answers).toMatchObject({ currentPlatform: "ecs", currentPlatformFit: "leaving" });
    // Wanting off ECS: the stay-put rule is silent, the wish to leave counts.
    expect(result.reasons.map((reason: { ruleId: string }) => reason.ruleId)).toContain("eks-leaving-ecs");
    expect(result.reasons.map((reason: { ruleId: string }) => reason.ruleId)).not.toContain("ecs-runs-ecs-today");
  });

  it("asks only what the flags leave open", async () => {
    const term = fakeTerminal();
    const exit = run(["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--json"], term.io);
    await term.waitFor("(1/20) What does the team run in production today?");
    await term.acceptDefaults(1, 3, 20);
    await term.waitFor("(4/20) How much room is there in the budget?");
    term.press("enter");
    await term.waitFor("finish now?");
    term.press("enter");
    await term.acceptDefaults(5, 20);
    await term.review(); // show the recommendation
    expect(await exit).toBe(0);
    expect(JSON.parse(term.stdout.text).answers).toMatchObject({ kubernetesExperience: "none", microservices: 5 });
  });

  it("refuses a count outside the range and asks again", async () => {
    const term = fakeTerminal();
    const exit = run(
      ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--current-platform", "none", "--engineers", "4", "--json", "--no-color"],
      term.io,
    );
    await term.waitFor("(1/17) How many services");
    term.type("0");
    term.press("enter");
    await term.waitFor("Enter a whole number from 1 to 10000.");
    term.press("backspace");
    term.type("7");
    term.press("enter");
    await term.waitFor("finish now?");
    term.press("enter");
    await term.acceptDefaults(2, 17);
    await term.review(); // show the recommendation
    expect(await exit).toBe(0);
    expect(JSON.parse(term.stdout.text).answers.microservices).toBe(7);
  });

  it("takes an empty team size as unknown, but not a bad one", async () => {
    const term = fakeTerminal();
    const exit = run(["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--current-platform", "none", "--json", "--no-color"], term.io);
    await term.waitFor("(1/18) How many engineers");
    term.type("lots");
    term.press("enter");
    await term.waitFor("Enter a whole number from 1 to 100000, or leave it empty.");
    for (let i = 0; i < 4; i++) term.press("backspace");
    term.press("enter");
    await term.waitFor("(2/18) How many services");
    term.press("enter");
    await term.waitFor("finish now?");
    term.press("down");
    term.press("enter");
    await term.review(); // show the recommendation
    expect(await exit).toBe(0);
    expect(JSON.parse(term.stdout.text).answers).not.toHaveProperty("engineers");
  });

  it("asks who keeps the clusters running only of a team on Kubernetes, what its workloads use only when someone does, and takes Don't know as unknown", async () => {
    // Every answer but the budget (required, so the questionnaire opens) and the two about the clusters.
    const given = ["--kubernetes-experience", "proficient", "--cloud-strategy", "aws-only", "--engineers", "40", "--microservices", "30", "--current-platform-fit", "mixed"];
    const rest = ["--ops-capacity", "dedicated", "--internal-platform", "none", "--requirements", "none", "--workload", "services", "--scaling", "steady", "--compute-spend", "unknown", "--ecosystem", "none", "--time-to-market", "normal"];
    const more = ["--growth", "moderate", "--service-communication", "simple", "--clusters", "1", "--vcpus", "8", "--memory-gib", "8", "--tasks", "4", "--region", "us-east-1", "--engineer-cost", "100000"];
    const ask = (platform: string) => {
      const term = fakeTerminal();
      return { term, exit: run(["--current-platform", platform, ...given, ...rest, ...more, "--json", "--no-color"], term.io) };
    };

    const onEcs = ask("ecs");
    await onEcs.term.waitFor("(1/1) How much room is there in the budget?");
    onEcs.term.press("enter");
    await onEcs.term.review();
    expect(await onEcs.exit).toBe(0);
    expect(onEcs.term.screen()).not.toContain("keep your clusters running");

    const onKubernetes = ask("kubernetes");
    // Numbered as a question of its own (what runs today was a flag), and asked before the offer to finish.
    await onKubernetes.term.waitFor("(1/2) How many engineers keep your clusters running?");
    expect(onKubernetes.term.screen()).toContain("❯ Don't know");
    onKubernetes.term.press("up");
    onKubernetes.term.press("enter"); // several, just above "Don't know"
    // Only now can what the workloads use change anything: it is asked, after the question it follows, with "Don't know" chosen by default.
    await onKubernetes.term.waitFor("(1.1/2) Do your workloads use anything only Kubernetes offers?");
    expect(onKubernetes.term.screen()).toContain("❯ Don't know");
    onKubernetes.term.press("enter");
    await onKubernetes.term.waitFor("(2/2) How much room is there in the budget?");
    onKubernetes.term.press("enter");
    // The review names the answer as it was chosen, not as a word the questions never offered.
    await onKubernetes.term.waitFor("Your answers.");
    expect(onKubernetes.term.screen()).toContain("Kubernetes-only features in use: Don't know");
    await onKubernetes.term.review();
    expect(await onKubernetes.exit).toBe(0);
    const answers = JSON.parse(onKubernetes.term.stdout.text).answers;
    expect(answers.platformUpkeep).toBe("several");
    expect(answers).not.toHaveProperty("kubernetesFeatures");
  });

  it("asks again what followed from an answer changed at the review, never keeping how the team felt about what it no longer runs", async () => {
    const term = fakeTerminal();
    // Every answer but what runs today, what follows from it, and the budget (required, so the questionnaire opens).
    const rest = [
      ...["--kubernetes-experience", "proficient", "--cloud-strategy", "aws-only", "--microservices", "12", "--engineers", "20", "--ops-capacity", "some", "--internal-platform", "none"],
      ...["--requirements", "none", "--workload", "services", "--scaling", "steady", "--compute-spend", "unknown", "--ecosystem", "none", "--time-to-market", "normal", "--growth", "moderate"],
      ...["--service-communication", "simple", "--clusters", "1", "--vcpus", "8", "--memory-gib", "8", "--tasks", "4", "--region", "us-east-1", "--engineer-cost", "100000", "--json", "--no-color"],
    ];
    const exit = run(rest, term.io);
    const feel = "How does the team feel about what it runs today?";
    await term.waitFor("What does the team run in production today?");
    term.press("down"); // ECS
    term.press("enter");
    await term.waitFor(feel);
    term.press("down");
    term.press("down"); // Leaving
    term.press("enter");
    await term.waitFor("How much room is there in the budget?");
    term.press("enter");
    await term.waitFor("Your answers.");
    term.press("down"); // Runs in production today
    term.press("enter");
    // Asked again at the review, without a counter.
    await term.waitFor("? What does the team run in production today?");
    term.press("down"); // from ECS to Kubernetes
    term.press("enter");
    // How the team feels is asked again, about Kubernetes now, and who keeps its clusters running is asked for the first time.
    await term.waitFor(`? ${feel}`);
    term.press("enter"); // Content
    await term.waitFor("How many engineers keep your clusters running?");
    term.press("enter"); // Don't know
    // Back at the review, with the answers as they now are.
    await term.waitFor("Runs in production today: Kubernetes");
    term.press("enter"); // show the recommendation
    expect(await exit).toBe(0);
    const answers = JSON.parse(term.stdout.text).answers;
    expect([answers.currentPlatform, answers.currentPlatformFit]).toEqual(["kubernetes", "content"]);
  });

  it("takes a decimal vCPU count for the estimate, within its range", async () => {
    const term = fakeTerminal();
    // Every answer but the budget (required, so the questionnaire opens) and the vCPUs.
    const given = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--current-platform", "none", "--engineers", "4", "--microservices", "3"];
    const rest = ["--ops-capacity", "some", "--internal-platform", "none", "--requirements", "none", "--workload", "services", "--scaling", "steady", "--compute-spend", "unknown", "--ecosystem", "none", "--time-to-market", "normal"];
    const more = ["--growth", "moderate", "--service-communication", "simple", "--clusters", "1", "--memory-gib", "8", "--tasks", "4", "--region", "us-east-1", "--engineer-cost", "100000"];
    const exit = run([...given, ...rest, ...more, "--json", "--no-color"], term.io);
    await term.waitFor("(1/2) How much room is there in the budget?");
    term.press("enter");
    await term.waitFor("finish now?");
    term.press("enter"); // keep answering
    await term.waitFor("(2/2) How many vCPUs do the containers use on average, in total?");
    term.type("0.1");
    term.press("enter");
    await term.waitFor("Enter a number from 0.25 to 100000, or leave it empty.");
    for (let i = 0; i < 3; i++) term.press("backspace");
    term.type("2.5");
    term.press("enter");
    await term.review(); // show the recommendation
    expect(await exit).toBe(0);
    expect(JSON.parse(term.stdout.text).costs.estimate.workload).toMatchObject({ vcpus: 2.5, memoryGiB: 8, tasks: 4, assumed: [] });
  });

  it("asks in Korean under a Korean locale", async () => {
    const term = fakeTerminal({ LANG: "ko_KR.UTF-8" });
    const exit = run([], term.io);
    await term.waitFor("(1/22) 팀은 지금 운영 환경에서 무엇을 쓰고 있나요?");
    term.press({ name: "c", ctrl: true });
    expect(await exit).toBe(130);
  });

  it("exits 130 with one quiet line when the user presses Ctrl-C", async () => {
    const term = fakeTerminal();
    const exit = run([], term.io);
    await term.waitFor("(1/22)");
    term.press({ name: "c", ctrl: true });
    expect(await exit).toBe(130);
    expect(term.stdout.text).toBe("");
    expect(term.stderr.text).toMatch(/\nCancelled; nothing was written\.\n$/);
    expect(term.stderr.text).not.toMatch(/ExitPromptError|\n\s+at /);
  });

  it("never prompts under --no-input, even at a terminal", async () => {
    const term = fakeTerminal();
    expect(await run(["--no-input", "--budget", "tight"], term.io)).toBe(2);
    expect(term.stderr.text).toMatch(/^ecs-or-eks: missing required answers: kubernetesExperience/);
    // At a terminal the way to be asked is to drop --no-input, not to find a terminal.
    expect(term.stderr.text).toContain("or leave out --no-input to be asked.");
    expect(term.stderr.text).not.toContain("run in a terminal");
  });

  it("rejects a bad flag before asking anything", async () => {
    const term = fakeTerminal();
    expect(await run(["--format", "yaml"], term.io)).toBe(2);
    expect(term.stderr.text).not.toContain("(1/22)");
  });

  it("--save writes the answers given in the questionnaire, and refuses an existing file before asking", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-save-"));
    const term = fakeTerminal();
    term.io.cwd = dir;
    const exit = run(
      ["--kubernetes-experience", "basic", "--cloud-strategy", "aws-only", "--budget", "tight", "--current-platform", "ecs", "--engineers", "9", "--save", "mine.json", "--json"],
      term.io,
    );
    // ECS given as a flag: how the team feels about it is asked, as a question of its own.
    await term.waitFor("(1/18) How does the team feel about what it runs today?");
    term.press("enter");
    await term.waitFor("(2/18) How many services");
    term.type("4");
    term.press("enter");
    await term.waitFor("finish now?");
    term.press("enter");
    await term.acceptDefaults(3, 18);
    await term.review(); // show the recommendation
    expect(await exit).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, "mine.json"), "utf8"));
    expect(saved).toMatchObject({ $schema: expect.stringContaining("answers.schema.json"), kubernetesExperience: "basic", microservices: 4, clusters: 1 });
    const again = fakeTerminal();
    again.io.cwd = dir;
    expect(await run(["--save", "mine.json"], again.io)).toBe(2);
    expect(again.screen()).toBe("ecs-or-eks: mine.json already exists.\nfix: pass --force to overwrite it, or choose another file.\n");
  });

  it("init asks the questionnaire and writes the answers file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-init-"));
    writeFileSync(join(dir, "other.json"), "{}");
    const term = fakeTerminal();
    term.io.cwd = dir;
    const exit = run(["init"], term.io);
    await term.acceptDefaults(1, 6, 22);
    await term.waitFor("finish now?");
    term.press("enter");
    await term.acceptDefaults(7, 22);
    await term.review(); // show the recommendation
    expect(await exit).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "answers.json"), "utf8"))).toMatchObject({ kubernetesExperience: "none", microservices: 5 });
    expect(term.stdout.text).toBe("");
  });
});

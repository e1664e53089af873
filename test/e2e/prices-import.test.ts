// ecs-or-eks prices import: AWS Price List bulk files in (fixtures in AWS's
// exact format, test/fixtures/price-list), an overrides file out that --prices
// takes, and the estimate priced from it: every figure checked against the
// fixture's own numbers, worked out here, not by the engine.
import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, get, type IncomingMessage, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePath, ROOT } from "../helpers/fixtures.js";
import { BIN, runBin, runProcess, type Ran } from "../helpers/run-bin.js";

const OFFERS = ["AmazonEC2", "AmazonECS", "AmazonEKS", "AmazonVPC", "AWSELB", "AmazonCloudWatch"];
const files = OFFERS.map((offer) => fixturePath(`price-list/${offer}-us-east-1.json`));
const fixture = (offer: string) => JSON.parse(readFileSync(fixturePath(`price-list/${offer}-us-east-1.json`), "utf8"));
const team = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "2"];
const tmp = () => mkdtempSync(join(tmpdir(), "ecs-or-eks-import-"));

type Json = Record<string, any>;

/** Every figure of an overrides file (an object with asOf), with its path. */
function figures(json: Json, path: string[] = []): [string, Json][] {
  if ("asOf" in json) return [[path.join("."), json]];
  return Object.entries(json).flatMap(([key, value]) => (typeof value === "object" && value !== null ? figures(value, [...path, key]) : []));
}

describe("ecs-or-eks prices import", () => {
  it("turns the six offers' files into an overrides file, each figure dated by its file and citing it", async () => {
    const ran = await runBin(["prices", "import", ...files]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("Prices for us-east-1 (figures: 18); save them to a file (--out FILE) and pass it with --prices FILE.\n");
    const out = JSON.parse(ran.stdout);
    expect(out.extends).toBe("built-in");
    expect(out.version).toBe("AWS Price List, published 2026-11-20");
    const region = out.regions["us-east-1"];
    // Shared tenancy, nothing pre-installed, capacity in use: not the dedicated, SQL Server or reserved-capacity rows.
    expect(region.ec2["m6i.large"].usdPerHour).toBe(0.0888);
    expect(region.ec2Windows["m6i.large"].usdPerHour).toBe(0.1808);
    // A type the built-in list does not describe has no place: its pods and tasks are not in a Price List.
    expect(Object.keys(region.ec2).sort()).toEqual(["m6i.large", "m6i.xlarge", "m7g.large"]);
    expect(region.fargate.x86).toMatchObject({ usdPerVcpuHour: 0.04, usdPerGbHour: 0.0044 });
    expect(region.fargate.windows).toMatchObject({ usdPerVcpuHour: 0.046552, usdPerGbHour: 0.00511175, osUsdPerVcpuHour: 0.046 });
    expect(region.eks).toMatchObject({ clusterHour: { usd: 0.1 }, extendedSupportAdds: { usd: 0.5 } });
    // The first paid tier: logs past the free 5 GB, endpoint data in the first petabyte.
    expect(region.network.logsIngestGb.usd).toBe(0.5);
    expect(region.network.vpcEndpointGb.usd).toBe(0.01);
    // Application, not Network, Load Balancers; in-use, not idle, addresses.
    expect(region.network.loadBalancerLcuHour.usd).toBe(0.008);
    for (const [path, figure] of figures(out.regions)) {
      const offer = figure.source.match(/aws\/(\w+)\/current/)?.[1];
      expect(OFFERS, path).toContain(offer);
      const file = fixture(offer!);
      expect(figure.asOf, path).toBe(file.publicationDate.slice(0, 10));
      expect(figure.source, path).toBe(`AWS Price List bulk file offers/v1.0/aws/${offer}/current/us-east-1/index.json, version ${file.version}`);
    }
  });

  it("round-trips: --prices takes the file, and the estimate prints the fixture's figures", async () => {
    const dir = tmp();
    const written = await runBin(["prices", "import", ...files, "--out", "imported.json"], { cwd: dir });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe("");
    expect(written.stderr).toBe("Wrote imported.json (prices for us-east-1, figures: 18); pass it with --prices imported.json.\n");
    expect((await runBin(["prices", "check", "imported.json"], { cwd: dir })).code).toBe(0);
    const ran = await runBin([...team, "--vcpus", "1", "--memory-gib", "2", "--tasks", "2", "--prices", "imported.json", "--json"], { cwd: dir });
    expect(ran.code).toBe(0);
    const estimate = JSON.parse(ran.stdout).costs.estimate;
    const way = (platform: string, launchType: string) => estimate.options.find((o: Json) => o.platform === platform && o.launchType === launchType);
    const hours = 730;
    // 2 tasks of 0.5 vCPU and 1 GiB on Fargate at the fixture's USD 0.04 a vCPU-hour and 0.0044 a GB-hour.
    expect(way("ecs", "fargate").total).toBe(Math.round(2 * (0.5 * 0.04 + 1 * 0.0044) * hours * 100) / 100); // 35.62
    // Two m6i.large (two zones) at the fixture's USD 0.0888 an hour.
    expect(way("ecs", "ec2").total).toBe(Math.round(2 * 0.0888 * hours * 100) / 100); // 129.65
    expect(way("ecs", "ec2").fleet[0]).toMatchObject({ type: "m6i.large", count: 2, usdPerHour: 0.0888 });
    // Two NAT gateways, and 100 GB through them, at USD 0.045 an hour and 0.045 a GB.
    expect(estimate.shared.find((line: Json) => line.item === "natGateways").usdPerMonth).toBe(Math.round((2 * 0.045 * hours + 100 * 0.045) * 100) / 100); // 70.20
    // Where the figures came from, as the run reports it.
    expect(JSON.stringify(estimate.sources)).toContain("AmazonECS/current/us-east-1/index.json, version 20261118201633");
  });

  it("refuses another service's file, another region's, and what is not a Price List file, each in one line", async () => {
    const cases: [string[], RegExp][] = [
      [[fixturePath("price-list/AmazonS3-us-east-1.json")], /AmazonS3-us-east-1\.json is the Price List of AmazonS3; prices import reads AmazonEC2, AmazonECS, AmazonEKS, AmazonVPC, AWSELB, ElasticLoadBalancing, AmazonCloudWatch\.$/m],
      [[fixturePath("price-list/AmazonECS-sa-east-1.json")], /AmazonECS-sa-east-1\.json prices sa-east-1, no region ecs-or-eks knows \(us-east-1, .*\)\.$/m],
      [[fixturePath("prices/team-overrides.json")], /team-overrides\.json is not an AWS Price List file/],
      [["missing.json"], /cannot read missing\.json/],
    ];
    for (const [args, message] of cases) {
      const ran = await runBin(["prices", "import", ...files.slice(0, 1), ...args]);
      expect({ code: ran.code, stdout: ran.stdout }).toEqual({ code: 2, stdout: "" });
      const lines = ran.stderr.trim().split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(message);
      expect(lines[1]).toMatch(/^fix: /);
    }
  });

  it("refuses a file cut short, and one that is not JSON, naming where", async () => {
    const text = readFileSync(files[0]!, "utf8");
    const cut = await runBin(["prices", "import", "-"], { input: text.slice(0, 5000) });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/^ecs-or-eks: stdin ends before its JSON does: the file is cut short\.$/m);
    const broken = await runBin(["prices", "import", "-"], { input: text.replace('"formatVersion" : "v1.0"', '"formatVersion" : v1.0') });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^ecs-or-eks: stdin is not valid JSON \(at byte 2\d\)\.$/m);
    expect(broken.stdout).toBe("");
  });

  it("writes --out whole, and never over a file that exists without --force", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "mine.json"), "keep me");
    const refused = await runBin(["prices", "import", files[2]!, "--out", "mine.json"], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(readFileSync(join(dir, "mine.json"), "utf8")).toBe("keep me");
    const forced = await runBin(["prices", "import", files[2]!, "--out", "mine.json", "--force"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "mine.json"), "utf8")).regions["us-east-1"].eks.clusterHour.usd).toBe(0.1);
  });

  it("reads a file far past the 1 MiB a prices file may be, as a stream", async () => {
    // 20,000 EC2 products of types the built-in list does not describe, each with its terms: about 12 MB.
    const ec2 = fixture("AmazonEC2");
    for (let i = 0; i < 20000; i++) {
      const sku = `GEN${String(i).padStart(13, "0")}`;
      ec2.products[sku] = { sku, productFamily: "Compute Instance", attributes: { instanceType: `x${i}.large`, regionCode: "us-east-1", operatingSystem: "Linux", tenancy: "Shared" } };
      ec2.terms.OnDemand[sku] = { [`${sku}.JRTCKXETXF`]: { priceDimensions: { [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: { unit: "Hrs", pricePerUnit: { USD: "1.0000000000" } } } } };
    }
    const path = join(tmp(), "big.json");
    writeFileSync(path, JSON.stringify(ec2, null, 2));
    expect(readFileSync(path).length).toBeGreaterThan(5 * 1024 * 1024);
    const ran = await runBin(["prices", "import", path]);
    expect(ran.code).toBe(0);
    expect(Object.keys(JSON.parse(ran.stdout).regions["us-east-1"].ec2)).toEqual(["m6i.large", "m6i.xlarge", "m7g.large"]);
  });
});

describe("prices import from a local HTTP server", () => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    // Served in small pieces, as a slow network would: the reader must carry keys and numbers across chunks.
    server = createServer((request, response) => {
      const offer = /^\/offers\/v1\.0\/aws\/(\w+)\/current\/us-east-1\/index\.json$/.exec(request.url ?? "")?.[1];
      if (!offer || !OFFERS.includes(offer)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": "application/json" });
      createReadStream(fixturePath(`price-list/${offer}-us-east-1.json`), { highWaterMark: 97 }).pipe(response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** `curl -s URL | ecs-or-eks prices import -`, with node:http for curl. */
  async function importFromUrl(url: string): Promise<Ran> {
    const response = await new Promise<IncomingMessage>((resolve, reject) => get(url, resolve).on("error", reject));
    return runProcess(process.execPath, [BIN, "prices", "import", "-"], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8" }, input: response });
  }

  it("imports each offer piped from the server, the same figures as from the file", async () => {
    for (const offer of OFFERS) {
      const piped = await importFromUrl(`${base}/offers/v1.0/aws/${offer}/current/us-east-1/index.json`);
      expect(piped.code, offer).toBe(0);
      const fromFile = await runBin(["prices", "import", fixturePath(`price-list/${offer}-us-east-1.json`)]);
      expect(JSON.parse(piped.stdout), offer).toEqual(JSON.parse(fromFile.stdout));
    }
  });

  it("refuses what a server sends that is not a Price List file", async () => {
    const ran = await importFromUrl(`${base}/offers/v1.0/aws/AmazonS3/current/us-east-1/index.json`);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^ecs-or-eks: no Price List file on stdin: it was empty\.$/m);
  });
});

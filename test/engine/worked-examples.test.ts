import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { recommend } from "../../src/explain/recommend.js";
import { fixturePath, readFixture } from "../helpers/fixtures.js";

// Teams written from the guide and FACTS, each with the source of the call an
// architect would make: test/fixtures/teams/*.json.
interface Team {
  team: string;
  source: string;
  answers: Record<string, unknown>;
  expect: {
    recommendation: "ecs" | "eks";
    launchType?: string;
    launchTypeRequired?: boolean;
    clearCall?: boolean;
    alsoConsider?: string[];
    notAlsoConsider?: string[];
    notes?: string[];
  };
}

const teams = readdirSync(fixturePath("teams"))
  .filter((name) => name.endsWith(".json"))
  .map((name) => ({ name: name.replace(/\.json$/, ""), ...(readFixture(`teams/${name}`) as Team) }));

describe("worked examples: the call an architect makes for each team", () => {
  it("has a team and a source for every example", () => {
    expect(teams.length).toBeGreaterThanOrEqual(20);
    for (const team of teams) expect([team.name, team.team.length > 20, team.source.length > 20]).toEqual([team.name, true, true]);
  });

  it.each(teams.map((team) => [team.name, team] as const))("%s", (_name, team) => {
    const result = recommend(team.answers);
    const { expect: wanted } = team;
    expect(result.recommendation).toBe(wanted.recommendation);
    if (wanted.launchType) expect(result.launchType).toBe(wanted.launchType);
    if (wanted.launchTypeRequired !== undefined) expect(result.launchTypeRequired).toBe(wanted.launchTypeRequired);
    if (wanted.clearCall) expect(result.closeCall).toBe(false);
    const options = result.alsoConsider.map((entry) => entry.option);
    for (const option of wanted.alsoConsider ?? []) expect(options).toContain(option);
    for (const option of wanted.notAlsoConsider ?? []) expect(options).not.toContain(option);
    for (const note of wanted.notes ?? []) expect(result.launchTypeNotes.map((n) => n.ruleId)).toContain(note);
  });
});

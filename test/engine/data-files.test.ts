// rules/facts.json and rules/calibration.json are read as they are at every
// start, like the built-in rules and prices; the build and these tests hold
// them to their schemas.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DataFile } from "../../src/engine/data-files.js";
import { dataFileProblems } from "../../src/explain/data-files.js";
import { ROOT } from "../helpers/fixtures.js";

const shipped = (file: DataFile) => JSON.parse(readFileSync(`${ROOT}${file}`, "utf8")) as Record<string, any>;

/** The problems when `file` is read as its shipped copy changed by `breakIt`, the other files as shipped. */
function problemsWith(file: DataFile, breakIt: (json: Record<string, any>) => void): string[] {
  const broken = shipped(file);
  breakIt(broken);
  return dataFileProblems((each) => (each === file ? broken : shipped(each)));
}

describe("the built-in data files no command checks", () => {
  it("hold to their schemas as shipped", () => {
    expect(dataFileProblems(shipped)).toEqual([]);
  });

  it("refuses a broken facts file, naming the file and each field", () => {
    expect(
      problemsWith("rules/facts.json", (facts) => {
        facts.controlPlane.eks.usdPerClusterHour = "0.10";
        delete facts.peopleHours.upgradeHours.source;
        facts.learningTime.ecs.unit = "month";
        facts.fargateTaskSizes.sizes[1].memoryRange.step = 0;
        facts.tooling.typo = [];
      }),
    ).toEqual([
      'rules/facts.json: field "controlPlane.eks.usdPerClusterHour": must be a number (got "0.10").',
      'rules/facts.json: field "learningTime.ecs.unit": must be one of day, week (got "month").',
      'rules/facts.json: field "tooling": "typo" is not a known field.',
      'rules/facts.json: field "peopleHours.upgradeHours.source": is required.',
      'rules/facts.json: field "fargateTaskSizes.sizes[1].memoryRange.step": must be at least 1 (got 0).',
    ]);
  });

  it("refuses a broken calibration file, naming the file and the field", () => {
    expect(
      problemsWith("rules/calibration.json", (calibration) => {
        calibration.bands.leaning.agreed = -1;
        delete calibration.bands.clear.of;
      }),
    ).toEqual([
      'rules/calibration.json: field "bands.leaning.agreed": must be at least 0 (got -1).',
      'rules/calibration.json: field "bands.clear.of": is required.',
    ]);
  });
});

import * as z from "zod/mini";
import type { Facts } from "./facts.js";
import { dated } from "./prices-schema.js";
import type { Same } from "./same-type.js";

// The shape of rules/facts.json. The engine takes the file as it is at every
// start; the build and the tests hold it to this (data-files.ts).

const text = z.string().check(z.minLength(1));
const atLeastZero = z.number().check(z.gte(0));
const positive = z.number().check(z.gt(0));
const whole = z.int().check(z.gte(1));
const range = z.strictObject({ min: atLeastZero, max: atLeastZero });
const duration = z.strictObject({ min: positive, max: positive, unit: z.enum(["day", "week"]) });
const priced = z.strictObject({ usdPerClusterHour: atLeastZero, ...dated });
const texts = z.array(text).check(z.minLength(1));

export const factsSchema = z.strictObject({
  controlPlane: z.strictObject({ hoursPerMonth: positive, ecs: priced, eks: priced, eksExtendedSupport: priced, eksStandardSupportMonths: whole }),
  kubernetesPeople: z.strictObject({
    engineerShare: z.strictObject({ min: z.number().check(z.gte(0), z.lte(1)), max: z.number().check(z.gte(0), z.lte(1)) }),
    minimalClusterUsdPerMonth: range,
    upgradesPerYear: positive,
    ...dated,
  }),
  smallTeam: z.strictObject({ maxEngineers: whole, ...dated }),
  managementFee: z.strictObject({ "managed-instances": z.strictObject(dated), "auto-mode": z.strictObject(dated) }),
  learningTime: z.strictObject({ source: text, ecs: duration, eks: duration }),
  tooling: z.strictObject({ source: text, ecs: texts, eks: texts, ecsAlso: texts, eksAlso: texts }),
  peopleHours: z.strictObject({
    engineerMonth: z.strictObject({ hours: positive, source: text }),
    kubernetesUpgradesPerYear: z.strictObject({ count: positive, ...dated }),
    upgradeHours: z.strictObject({ min: positive, max: positive, ...dated }),
    awsRunsHosts: z.strictObject(dated),
  }),
  fargateTaskSizes: z.strictObject({
    sizes: z
      .array(
        z.union([
          z.strictObject({ cpu: whole, memory: z.array(whole).check(z.minLength(1)) }),
          z.strictObject({ cpu: whole, memoryRange: z.strictObject({ from: whole, to: whole, step: whole }) }),
        ]),
      )
      .check(z.minLength(1)),
    windowsCpu: z.array(whole).check(z.minLength(1)),
    ...dated,
  }),
});

// The schema must accept exactly the type the engine reads; this fails to compile if they drift.
const inSync: Same<z.infer<typeof factsSchema>, Facts> = true;
void inSync;

/**
 * The share of EC2 capacity a cost estimate may assume the workload fills,
 * checked in one place for the CLI's --utilization and the library's
 * `utilization` option: under a tenth is a fleet mostly idle, past 1 is
 * more than an instance holds.
 */
export const UTILIZATION_RANGE = { min: 0.1, max: 1 } as const;

/** A finite number in the range (NaN and a numeric string are not). */
export function isUtilization(value: unknown): value is number {
  return typeof value === "number" && value >= UTILIZATION_RANGE.min && value <= UTILIZATION_RANGE.max;
}

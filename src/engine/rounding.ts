// Float noise, in one place: the slack comparisons allow, and the rounding of
// figures the JSON carries, so every figure of a kind rounds the same way and
// the output stays byte-stable.

/** The float noise tolerated where sizes and prices are compared: sizes are quarters of a vCPU and halves of a GiB, so a hair of error must not round up a whole step or lose a task. */
export const EPSILON = 1e-9;

/** Weights like 1.5 add up with float noise; results are rounded so JSON stays byte-stable. */
export function round(value: number, digits = 6): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** USD to the cent, half up, after the float noise of the products is dropped (0.1 x 730 is 73.00000000000001). */
export function cents(usd: number): number {
  return Math.round(Number((usd * 100).toPrecision(12))) / 100;
}

// Rounding for figures the JSON carries: one place, so every figure of a kind
// rounds the same way and the output stays byte-stable.

/** Weights like 1.5 add up with float noise; results are rounded so JSON stays byte-stable. */
export function round(value: number, digits = 6): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** USD to the cent, half up, after the float noise of the products is dropped (0.1 x 730 is 73.00000000000001). */
export function cents(usd: number): number {
  return Math.round(Number((usd * 100).toPrecision(12))) / 100;
}

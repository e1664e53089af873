/** A value as an error message quotes it: JSON, cut short, numbers as written (Infinity too). */
export function quoteValue(value: unknown): string {
  // -0 is what was written: String(-0) would say "0".
  const text = typeof value === "number" ? (Object.is(value, -0) ? "-0" : String(value)) : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A value as an error message quotes it: JSON, cut short, numbers as written (Infinity too). */
export function quoteValue(value: unknown): string {
  const text = typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The narrowest terminal we lay text out for; below it lines are cut rather than wrapped into nothing. */
export const MIN_WIDTH = 20;

/** Lines longer than this are wrapped: the terminal's width (from 20 to 120 columns), or 80 when not a terminal. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }): number {
  const columns = stream.isTTY && stream.columns ? stream.columns : 80;
  return Math.max(MIN_WIDTH, Math.min(columns, 120));
}

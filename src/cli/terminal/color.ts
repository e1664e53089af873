import type { Io } from "./io.js";

/**
 * Colour for a stream, as users expect: --no-color and a non-empty NO_COLOR
 * turn it off (chalk itself ignores NO_COLOR), FORCE_COLOR turns it on,
 * TERM=dumb and a stream that is not a terminal turn it off.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: Io["env"], flag?: boolean): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

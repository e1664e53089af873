// What a prompt last drew, so that a resize can clear it whole. The prompt
// library erases its previous frame by counting its lines, but a terminal
// made narrower rewraps the lines already drawn into more rows than that.

import { displayWidth } from "../render/layout.js";

/** The rows a frame holds above the cursor, and the lines the prompt library will erase from it. */
export interface Frame {
  lines: readonly string[];
  /** The line the cursor is on, counted from the frame's first. */
  cursorLine: number;
  cursorColumn: number;
}

// Any control sequence the prompt library writes: colours, cursor moves, erases, cursor shown or hidden.
const CSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
// Its frame begins after the erasing of the previous one (a move down, then lines erased upward).
const ERASE = /^(?:\u001b\[\d+B)?(?:(?:\u001b\[2K\u001b\[1A)*\u001b\[2K\u001b\[G)?/;
// And ends by moving the cursor up to the line typed on, and to its column.
const CURSOR = /(?:\u001b\[(\d+)A)?\u001b\[(\d+)G$/;

/**
 * Reads one write of the prompt library: a whole frame, or (undefined) a
 * write that draws none, such as a cursor moved along the typed line.
 */
export function frameOf(write: string): Frame | undefined {
  const body = write.replace(ERASE, "");
  const cursor = CURSOR.exec(body);
  if (cursor === null || body.length === cursor[0].length) return undefined;
  const lines = body.slice(0, cursor.index).split("\n").map((line) => line.replace(CSI, ""));
  const up = Number(cursor[1] ?? 0);
  return { lines, cursorLine: Math.max(0, lines.length - 1 - up), cursorColumn: Number(cursor[2]) - 1 };
}

/**
 * The bytes that clear `frame` after the terminal became `columns` wide and
 * rewrapped it, leaving the cursor where the prompt library expects it: its
 * next draw erases as many lines as it drew, and those are now all blank.
 */
export function clearAfterResize(frame: Frame, columns: number): string {
  const rows = (line: string) => Math.max(1, Math.ceil(displayWidth(line) / columns));
  let above = Math.floor(frame.cursorColumn / columns);
  for (const line of frame.lines.slice(0, frame.cursorLine)) above += rows(line);
  const up = above > 0 ? `\u001b[${above}A` : "";
  const down = frame.cursorLine > 0 ? `\u001b[${frame.cursorLine}B` : "";
  return `${up}\u001b[G\u001b[J${down}`;
}

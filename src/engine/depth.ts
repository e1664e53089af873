/**
 * How deep JSON input may nest. An answers file is two levels deep and the
 * built-in rules about eight; anything past this is not one of ours, and
 * deeper values would overflow the stack of the code that walks them.
 */
export const MAX_NESTING = 64;

/** Whether `value` nests objects or arrays deeper than `max` levels; walks without recursion. */
export function nestsDeeperThan(value: unknown, max: number = MAX_NESTING): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== "object" || item === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(item)) if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

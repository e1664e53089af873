// Node 20's JSON.parse does not always say where the error is ("Unexpected
// token '}', ... is not valid JSON"), so on failure we rescan the text to find
// the first bad character and what was expected there. The same scan finds a
// key given twice in one object, which JSON.parse silently resolves to the last.
// It walks with an explicit stack, never recursion: input nested 100,000 deep
// must not overflow the call stack.

export interface JsonSyntaxProblem {
  line: number;
  column: number;
  /** What was found: a character in quotes, or null at the end of the input. */
  found: string | null;
  /** What would have been valid there. */
  expected: "value" | "property" | "colon" | "commaOrBrace" | "commaOrBracket" | "end" | "stringEnd" | "escape" | "digit";
}

export interface JsonDuplicateKey {
  line: number;
  column: number;
  key: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly expected: JsonSyntaxProblem["expected"],
  ) {
    super("json syntax");
  }
}

class Duplicate extends Error {
  constructor(
    readonly offset: number,
    readonly key: string,
  ) {
    super("json duplicate key");
  }
}

export function locateJsonError(text: string): JsonSyntaxProblem | undefined {
  const found = scan(text);
  return found instanceof Stop ? position(text, found.offset, found.expected) : undefined;
}

/**
 * The first key that appears twice in one object of valid JSON, or undefined.
 * Cheap first: when the text has no more colons than the parsed value has keys,
 * no key can repeat, and the full scan is skipped.
 */
export function findDuplicateKey(text: string, parsed: unknown): JsonDuplicateKey | undefined {
  if (countKeyMarks(text) <= countKeys(parsed)) return undefined;
  const found = scan(text, true);
  if (!(found instanceof Duplicate)) return undefined;
  const { line, column } = position(text, found.offset, "value");
  return { line, column, key: found.key };
}

/** Every key is followed by a colon: their count bounds the number of keys (a batch line pays only this). */
function countKeyMarks(text: string): number {
  let count = 0;
  for (let at = text.indexOf(":"); at !== -1; at = text.indexOf(":", at + 1)) count++;
  return count;
}

/** The keys of every object in a parsed value, walked without recursion. */
function countKeys(value: unknown): number {
  let count = 0;
  const stack: object[] = typeof value === "object" && value !== null ? [value] : [];
  // Without arrays of keys or values: this runs for every line of a million-line batch.
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (Array.isArray(item)) {
      for (const child of item) if (typeof child === "object" && child !== null) stack.push(child);
      continue;
    }
    for (const key in item) {
      count++;
      const child = (item as Record<string, unknown>)[key];
      if (typeof child === "object" && child !== null) stack.push(child);
    }
  }
  return count;
}

/** Scans the text once: a Stop at the first syntax error, a Duplicate at the first repeated key (when asked), or undefined. */
function scan(text: string, duplicates = false): Stop | Duplicate | undefined {
  let i = 0;
  // The open containers, innermost last; an object carries the keys seen so far (when duplicates are looked for).
  const open: ("[" | Set<string> | "{")[] = [];
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const expect = (ok: boolean, expected: JsonSyntaxProblem["expected"]) => {
    if (!ok) throw new Stop(i, expected);
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      expect(i < text.length, "stringEnd");
      const c = text[i]!;
      if (c === '"') return void i++;
      expect(c >= " ", "stringEnd");
      if (c === "\\") {
        i++;
        const escape = text[i] ?? "";
        if (escape === "u") {
          for (let k = 1; k <= 4; k++) {
            i++;
            expect(/[0-9a-fA-F]/.test(text[i] ?? ""), "escape");
          }
        } else {
          expect('"\\/bfnrt'.includes(escape) && escape !== "", "escape");
        }
      }
      i++;
    }
  };
  const digits = () => {
    expect(/[0-9]/.test(text[i] ?? ""), "digit");
    while (/[0-9]/.test(text[i] ?? "")) i++;
  };
  const number = () => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else digits();
    if (text[i] === ".") {
      i++;
      digits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits();
    }
  };
  const scalar = () => {
    const c = text[i];
    if (c === '"') return string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    expect(false, "value");
  };
  try {
    let state: "value" | "key" | "after" = "value";
    for (;;) {
      if (state === "value") {
        space();
        const c = text[i];
        if (c === "{" || c === "[") {
          i++;
          space();
          const close = c === "{" ? "}" : "]";
          if (text[i] === close) {
            i++;
            state = "after";
          } else {
            open.push(c === "[" ? "[" : duplicates ? new Set() : "{");
            state = c === "{" ? "key" : "value";
          }
          continue;
        }
        scalar();
        state = "after";
        continue;
      }
      if (state === "key") {
        space();
        expect(text[i] === '"', "property");
        const start = i;
        string();
        const keys = open.at(-1);
        if (keys instanceof Set) {
          const key = JSON.parse(text.slice(start, i)) as string;
          if (keys.has(key)) return new Duplicate(start, key);
          keys.add(key);
        }
        space();
        expect(text[i] === ":", "colon");
        i++;
        state = "value";
        continue;
      }
      // After a value: close its container, or a comma and the next member, or the end.
      const inner = open.at(-1);
      space();
      if (inner === undefined) {
        expect(i === text.length, "end");
        return undefined;
      }
      const isList = inner === "[";
      if (text[i] === (isList ? "]" : "}")) {
        i++;
        open.pop();
        continue;
      }
      expect(text[i] === ",", isList ? "commaOrBracket" : "commaOrBrace");
      i++;
      state = isList ? "value" : "key";
    }
  } catch (error) {
    if (error instanceof Stop) return error;
    throw error;
  }
}

function position(text: string, offset: number, expected: JsonSyntaxProblem["expected"]): JsonSyntaxProblem {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) {
    line++;
    lineStart = at + 1;
  }
  const column = offset - lineStart + 1;
  const char = text.codePointAt(offset);
  const found = char === undefined ? null : JSON.stringify(String.fromCodePoint(char));
  return { line, column, found, expected };
}

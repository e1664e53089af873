// Node 20's JSON.parse does not always say where the error is ("Unexpected
// token '}', ... is not valid JSON"), so on failure we rescan the text to find
// the first bad character and what was expected there.

export interface JsonSyntaxProblem {
  line: number;
  column: number;
  /** What was found: a character in quotes, or null at the end of the input. */
  found: string | null;
  /** What would have been valid there. */
  expected: "value" | "property" | "colon" | "commaOrBrace" | "commaOrBracket" | "end" | "stringEnd" | "escape" | "digit";
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly expected: JsonSyntaxProblem["expected"],
  ) {
    super("json syntax");
  }
}

export function locateJsonError(text: string): JsonSyntaxProblem | undefined {
  let i = 0;
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
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") {
      i++;
      space();
      if (text[i] === "}") return void i++;
      for (;;) {
        space();
        expect(text[i] === '"', "property");
        string();
        space();
        expect(text[i] === ":", "colon");
        i++;
        value();
        space();
        if (text[i] === "}") return void i++;
        expect(text[i] === ",", "commaOrBrace");
        i++;
      }
    }
    if (c === "[") {
      i++;
      space();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === "]") return void i++;
        expect(text[i] === ",", "commaOrBracket");
        i++;
      }
    }
    if (c === '"') return string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    expect(false, "value");
  };
  try {
    value();
    space();
    expect(i === text.length, "end");
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return position(text, error.offset, error.expected);
  }
}

function position(text: string, offset: number, expected: JsonSyntaxProblem["expected"]): JsonSyntaxProblem {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  const char = text.codePointAt(offset);
  const found = char === undefined ? null : JSON.stringify(String.fromCodePoint(char));
  return { line, column, found, expected };
}

// The main command's flags, read without commander when every argument is
// one of them in a form commander reads the same way. Loading commander and
// building the program is about a tenth of a JSON run's time; the runs that
// most users make (the questionnaire, --answers FILE in CI) need neither.
// Anything else (help, a command, a word, an unknown flag, a flag without
// its value) is left to commander, which then reads the whole line: a
// mistake is always reported in its words. A test holds the two readings
// equal over generated command lines.
import { QUESTIONS } from "../../engine/questions.js";
import type { Lang } from "../../i18n/index.js";
import { addListValue } from "./flags.js";
import { COMMAND_OPTIONS, OPTION_TABLES, flagNames, type AdviseOptions } from "./options.js";

/** What a flag does: take a value, add to a list, or set a switch on or off. */
type Effect = "value" | "list" | "on" | "off";

interface Flag {
  key: string;
  effect: Effect;
}

let flags: Map<string, Flag> | undefined;

/** The main command's flags by every name they answer to (--answers and -a), from the tables the program is built from. */
function mainFlags(): Map<string, Flag> {
  if (flags) return flags;
  flags = new Map();
  for (const q of QUESTIONS) flags.set(`--${q.flag}`, { key: q.key, effect: q.kind === "set" ? "list" : "value" });
  for (const table of COMMAND_OPTIONS[""].tables) {
    for (const [spec] of OPTION_TABLES[table]) {
      const names = flagNames(spec);
      const long = names.find((name) => name.startsWith("--"))!;
      const negated = long.startsWith("--no-");
      // commander's attribute name: the long flag without --no-, in camelCase.
      const key = long.replace(/^--(no-)?/, "").replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
      const flag: Flag = { key, effect: spec.endsWith(">") ? "value" : negated ? "off" : "on" };
      for (const name of names) flags.set(name, flag);
    }
  }
  return flags;
}

/**
 * The main command's options, as commander would give them, when every
 * argument is a flag of the main command: `--flag value`, `--flag=value`,
 * `-a value` or `-avalue` for a flag that takes a value, the flag alone for
 * a switch. Undefined for anything else, which commander then reads.
 */
export function plainMainOptions(argv: readonly string[], lang: Lang): AdviseOptions | undefined {
  const known = mainFlags();
  const options: Record<string, unknown> = {};
  // commander starts a --no- switch with no positive twin as true.
  for (const flag of known.values()) if (flag.effect === "off") options[flag.key] = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    let flag = known.get(arg);
    let value: string | undefined;
    if (flag !== undefined) {
      // A flag that takes a value takes the next argument, whatever it is, as commander does.
      if (flag.effect === "value" || flag.effect === "list") value = argv[++i];
    } else if (/^-[^-]./.test(arg)) {
      flag = known.get(arg.slice(0, 2));
      value = arg.slice(2);
    } else if (/^--[^=]+=/.test(arg)) {
      flag = known.get(arg.slice(0, arg.indexOf("=")));
      value = arg.slice(arg.indexOf("=") + 1);
    }
    if (flag === undefined) return undefined;
    if (flag.effect === "on" || flag.effect === "off") {
      // A switch given a value (--force=yes, or a group such as -af) is commander's to report.
      if (value !== undefined) return undefined;
      options[flag.key] = flag.effect === "on";
    } else if (value === undefined) {
      return undefined;
    } else {
      options[flag.key] = flag.effect === "list" ? addListValue(options[flag.key] as string[] | undefined, value, arg.replace(/=.*/s, ""), lang) : value;
    }
  }
  return options as AdviseOptions;
}

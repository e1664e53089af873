// Every command. The main command is here; the others load when they run
// (one chunk for all of them), so the path measured for start-up, a JSON run
// of the main command, carries neither their code nor their data.
import type * as others from "../lazy/commands.js";

export { advise } from "./advise.js";

type Others = typeof others;
type Command = Exclude<keyof Others, "SHARED">;

/** A command that runs once its module is loaded; every command resolves to its exit code. */
function later<K extends Command>(name: K): (...args: Parameters<Others[K]>) => Promise<number> {
  return async (...args) => {
    const command = (await import("../lazy/commands.js"))[name] as (...args: unknown[]) => number | Promise<number>;
    return command(...args);
  };
}

export const compare = later("compare");
export const init = later("init");
export const listRules = later("listRules");
export const checkRulesFile = later("checkRulesFile");
export const scaffoldCommand = later("scaffoldCommand");
export const printSchema = later("printSchema");

// Every command. The main command is here; the others load when they run
// (one chunk for all of them), so the path measured for start-up, a JSON run
// of the main command, carries neither their code nor their data.
import type * as others from "../lazy/commands.js";

export { advise } from "./advise.js";

type Others = typeof others;
const load = (): Promise<Others> => import("../lazy/commands.js");
/** A command that runs once its module is loaded. */
type Later<F extends (...args: never[]) => unknown> = (...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>;

export const compare: Later<Others["compare"]> = async (...args) => (await load()).compare(...args);
export const init: Later<Others["init"]> = async (...args) => (await load()).init(...args);
export const listRules: Later<Others["listRules"]> = async (...args) => (await load()).listRules(...args);
export const checkRulesFile: Later<Others["checkRulesFile"]> = async (...args) => (await load()).checkRulesFile(...args);
export const scaffoldCommand: Later<Others["scaffoldCommand"]> = async (...args) => (await load()).scaffoldCommand(...args);
export const printSchema: Later<Others["printSchema"]> = async (...args) => (await load()).printSchema(...args);

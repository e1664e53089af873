// The commands but the main one, loaded when one of them runs (see commands/index.ts).
export { compare } from "../commands/compare.js";
export { init } from "../commands/init.js";
export { checkRulesFile, listRules } from "../commands/rules.js";
export { scaffoldCommand } from "../commands/scaffold.js";
export { printSchema } from "../commands/schema.js";
export { SHARED } from "../shared.js";

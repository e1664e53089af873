// Every command, in one module: the non-interactive path loads this one file
// after the parser, instead of a dozen small shared chunks. Heavy, rarely
// needed parts (prompts, YAML, rules-file validation, JSON Schema generation)
// stay behind their own dynamic imports.
export { advise } from "./advise.js";
export { compare } from "./compare.js";
export { init } from "./init.js";
export { checkRulesFile, listRules } from "./rules.js";
export { scaffoldCommand } from "./scaffold.js";
export { printSchema } from "./schema.js";

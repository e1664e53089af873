// A rules file's parser, with zod: loaded only for --rules and `rules check`.
export { parseRules } from "../../engine/rules.js";
export { SHARED } from "../shared.js";

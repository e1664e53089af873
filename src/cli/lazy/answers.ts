// parseAnswers, with zod, for the answers that fail the fast check: loaded on demand.
export { parseAnswers } from "../../engine/answers.js";
export { SHARED } from "../shared.js";

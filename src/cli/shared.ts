// What a run's start-up path shares with the parts loaded on demand (the
// questionnaire, the renderers, the other commands, scaffolding, rules files,
// answer errors, the schema, the Korean messages). The bundler splits shared
// code by which parts reach it, so left alone it made a chunk for every
// combination: a dozen files to resolve and read before the first answer.
// Every on-demand part re-exports this list, which reaches the whole start-up
// path, so all of it lands in one chunk. It changes what is bundled where,
// never what runs (npm run bench counts the files a JSON run loads).
import * as main from "./program.js";
import * as processOutput from "./terminal/streams.js";
import * as i18n from "../i18n/index.js";

export const SHARED = [main, processOutput, i18n] as const;

// What every tool runs with and returns, apart from the tool table, so that
// a tool kept in a file of its own (scan-repository.ts) needs nothing of it.
import type { CitedDocuments } from "../../explain/rule.js";
import type { Lang } from "../../i18n/index.js";
import type { RootsSource } from "./roots.js";

/** What a call runs with besides its arguments. */
export interface CallContext {
  lang: Lang;
  /** The folder the server started in: where files go for a client without roots. */
  cwd: string;
  roots: RootsSource;
  /** The Korean guide and the FACTS sheet, by file name, for the lines rules cite. */
  documents: () => CitedDocuments;
}

/** What a tool returns: its JSON, and the text for clients that show text. */
export interface Output {
  structured: Record<string, unknown>;
  text: string;
}

import { close, read } from "node:fs";
import type { Readable } from "node:stream";
import { JSONParser } from "@streamparser/json";
import { InputError } from "../../engine/errors.js";
import { t, type Lang } from "../../i18n/index.js";
import type { Io } from "../terminal/io.js";
import { cannotRead, inputLabel, openInput } from "./read.js";

/** What a Price List file is read for: its header fields, each product, and each SKU's on-demand terms. */
export interface PriceListVisitor {
  header(field: "offerCode" | "version" | "publicationDate", value: unknown): void;
  product(sku: string, product: unknown): void;
  onDemand(sku: string, terms: unknown): void;
}

const PATHS = ["$.offerCode", "$.version", "$.publicationDate", "$.products.*", "$.terms.OnDemand.*"];

/** How much is read at a time: a bulk file is hundreds of MB, and is never held whole. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Streams one AWS Price List file ("-" for stdin) through `visit`, one
 * product or one SKU's terms at a time: the parser keeps nothing it has
 * handed over (keepStack off), and the Reserved terms, most of an EC2 file,
 * are parsed and dropped. Time is linear in the file; memory is what
 * `visit` keeps. A visitor's InputError stops the read at once.
 */
export async function streamPriceList(path: string, io: Io, lang: Lang, visit: PriceListVisitor): Promise<void> {
  const label = inputLabel(path);
  const parser = new JSONParser({ paths: PATHS, keepStack: false, stringBufferSize: 64 * 1024 });
  let stopped: unknown;
  parser.onValue = ({ value, key, stack }) => {
    if (stopped !== undefined) return;
    try {
      if (stack.length === 1 && (key === "offerCode" || key === "version" || key === "publicationDate")) visit.header(key, value);
      else if (stack.length === 2 && stack[1]!.key === "products" && typeof key === "string") visit.product(key, value);
      else if (stack.length === 3 && stack[2]!.key === "OnDemand" && typeof key === "string") visit.onDemand(key, value);
    } catch (error) {
      stopped = error;
    }
  };
  // The parser ends itself after the top-level value; anything after it is an error it reports.
  parser.onError = (error) => {
    stopped ??= notJson(label, error, lang);
  };
  const chunks = await source(path, io, lang);
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      bytes += (chunk as Uint8Array).length;
      parser.write(chunk as Uint8Array);
      if (stopped !== undefined) break;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw cannotRead(label, error, lang, "prices import");
  } finally {
    if (path !== "-" && "destroy" in chunks) (chunks as Readable).destroy();
  }
  if (bytes === 0) throw new InputError(label === "stdin" ? t(lang, "input.emptyStdinPriceList") : t(lang, "input.emptyFile", { file: label }), t(lang, "priceList.hint"));
  if (stopped === undefined && !parser.isEnded) stopped = new InputError(t(lang, "priceList.truncated", { file: label }), t(lang, "priceList.hint"));
  if (stopped !== undefined) throw stopped;
}

/** A parser's complaint as one line: where, in bytes, the file stops being JSON. */
function notJson(label: string, error: Error, lang: Lang): InputError {
  const at = /position "?(\d+)/.exec(error.message)?.[1];
  return new InputError(t(lang, "priceList.badJson", { file: label, at: at ?? "?" }), t(lang, "priceList.hint"));
}

/** The bytes of a file, a pipe or stdin, a chunk at a time. */
async function source(path: string, io: Io, lang: Lang): Promise<AsyncIterable<unknown>> {
  if (path === "-") return io.stdin;
  const opened = await openInput(path, io.cwd, lang, "prices import");
  return opened.kind === "pipe" ? opened.stream : fileChunks(opened.fd);
}

async function* fileChunks(fd: number): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const size = await new Promise<number>((resolve, reject) => read(fd, buffer, 0, CHUNK_BYTES, null, (error, bytes) => (error ? reject(error) : resolve(bytes))));
      if (size === 0) return;
      yield buffer.subarray(0, size);
    }
  } finally {
    close(fd, () => {});
  }
}

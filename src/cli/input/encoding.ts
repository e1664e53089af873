import { isUtf8 } from "node:buffer";

// Answers and rules are UTF-8. A file saved as UTF-16 or UTF-32 (Windows
// editors do it) or in a legacy code page would otherwise decode to U+FFFD
// and fail later with a puzzling "found �": name the encoding instead.

export type EncodingProblem = { kind: "bom"; encoding: "UTF-16" | "UTF-32" } | { kind: "invalid"; offset: number };

/** The byte-order marks of encodings other than UTF-8, longest first (UTF-32 LE starts like UTF-16 LE). */
const FOREIGN_BOMS: readonly [bytes: readonly number[], encoding: "UTF-16" | "UTF-32"][] = [
  [[0x00, 0x00, 0xfe, 0xff], "UTF-32"],
  [[0xff, 0xfe, 0x00, 0x00], "UTF-32"],
  [[0xfe, 0xff], "UTF-16"],
  [[0xff, 0xfe], "UTF-16"],
];

/** What keeps `bytes` from being UTF-8 text: a foreign byte-order mark, or the offset of the first invalid byte. */
export function encodingProblem(bytes: Uint8Array): EncodingProblem | undefined {
  const encoding = foreignEncoding(bytes);
  if (encoding) return { kind: "bom", encoding };
  const offset = invalidUtf8At(bytes);
  return offset === undefined ? undefined : { kind: "invalid", offset };
}

/** The encoding a foreign byte-order mark at the start names. */
export function foreignEncoding(bytes: Uint8Array): "UTF-16" | "UTF-32" | undefined {
  return FOREIGN_BOMS.find(([mark]) => mark.every((byte, i) => bytes[i] === byte))?.[1];
}

/** The offset of the first byte that is not UTF-8, or undefined when all are: the native check first, the offset only when it fails. */
export function invalidUtf8At(bytes: Uint8Array): number | undefined {
  return isUtf8(bytes) ? undefined : firstInvalidUtf8(bytes);
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const [length, low, high] =
      lead < 0x80 ? [1, 0, 0] : lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf] : lead === 0xe0 ? [3, 0xa0, 0xbf] : lead === 0xed ? [3, 0x80, 0x9f]
      : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf] : lead === 0xf0 ? [4, 0x90, 0xbf] : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf] : lead === 0xf4 ? [4, 0x80, 0x8f] : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}

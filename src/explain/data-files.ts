import { DATA_FILES, validateDataFile, type DataFile } from "../engine/data-files.js";
import { say } from "./words.js";

/**
 * The problems of the built-in data files that no command checks (facts,
 * calibration), in English, each read through `read`: the build stops on
 * them, and the tests show a broken copy is refused.
 */
export function dataFileProblems(read: (file: DataFile) => unknown): string[] {
  return (Object.keys(DATA_FILES) as DataFile[]).flatMap((file) => validateDataFile(file, read(file)).map((problem) => say("en", problem)));
}

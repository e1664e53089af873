// The engine's tests speak both languages, as the library does (src/index.ts
// adds every catalogue); the CLI, run as a process in test/e2e, loads its own.
import { addCatalogue } from "../../src/i18n/index.js";
import { ko } from "../../src/i18n/ko.js";

addCatalogue("ko", ko);

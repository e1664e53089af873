// The engine's tests speak both languages, as the library does (src/index.ts
// adds every catalogue); the CLI, run as a process in test/e2e, loads its own.
import "../../src/i18n/all.js";

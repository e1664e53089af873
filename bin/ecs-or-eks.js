#!/usr/bin/env node
// Starts the command line (dist/cli.js, built by scripts/build.mjs); nothing else.
import { main } from "../dist/cli.js";

main();

#!/usr/bin/env node
"use strict";
// CommonJS, like the bundle it starts (scripts/build.mjs): Node 20 starts a
// CommonJS program without its ES module loader, a twentieth of a JSON run.
require("../dist/cli.cjs").main();

#!/usr/bin/env node
// The `sagsliste` command: a thin launcher for the compiled CLI in lib/ (built by `npm install`).
"use strict";
const path = require("path");
const fs = require("fs");
const main = path.join(__dirname, "..", "lib", "src", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write("sagsliste: kommandoen er ikke bygget. Kør 'npm install' eller 'npm run build:cli' i projektmappen.\n");
  process.exit(2);
}
const { exitWhenFlushed } = require(path.join(__dirname, "..", "lib", "src", "cli", "exit-when-flushed.js"));
require(main)
  .run(process.argv.slice(2))
  .then(
    (code) => exitWhenFlushed(code),
    (err) => {
      process.stderr.write(`sagsliste: ${err && err.message ? err.message : String(err)}\n`);
      exitWhenFlushed(1);
    }
  );

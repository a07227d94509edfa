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
const { largeHeapArgs } = require(path.join(__dirname, "..", "lib", "src", "cli", "large-heap.js"));

// A report across many units' workbooks holds more than Node's default heap of about 4 GB: that one command
// runs in a child process allowed three quarters of the machine's memory, with signals passed on to it.
const heapArgs = largeHeapArgs(process.argv.slice(2), process.execArgv, require("os").totalmem());
if (heapArgs) {
  const child = require("child_process").spawn(process.execPath, [...heapArgs, __filename, ...process.argv.slice(2)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => exitWhenFlushed(code ?? (signal ? 1 : 0)));
  return;
}
require(main)
  .run(process.argv.slice(2))
  .then(
    (code) => exitWhenFlushed(code),
    (err) => {
      process.stderr.write(`sagsliste: ${err && err.message ? err.message : String(err)}\n`);
      exitWhenFlushed(1);
    }
  );

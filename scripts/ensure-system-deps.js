#!/usr/bin/env node
// Before the tests: make sure the independent engines the tests need are on the machine.
// LibreOffice recalculates the workbooks; Chromium runs the task pane; openpyxl reads the outputs a second way. All come from Debian's
// packages (never a downloaded browser). Installs them when missing and we are root on Debian.
// mimalloc is optional: LibreOffice recalculates a large workbook in half the time with it
// (decision 0009), and without it the tests still run, only slower.
"use strict";
const { existsSync, readdirSync } = require("fs");
const { execSync } = require("child_process");

const needs = [
  { what: "LibreOffice", paths: ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"], pkg: "libreoffice-calc-nogui" },
  { what: "Chromium", paths: ["/usr/bin/chromium"], pkg: "chromium" },
  { what: "pdftoppm", paths: ["/usr/bin/pdftoppm"], pkg: "poppler-utils" },
  // The second reader of the outputs (test/cli/second-reader.test.ts): openpyxl, independent of ExcelJS.
  { what: "openpyxl", paths: ["/usr/lib/python3/dist-packages/openpyxl"], pkg: "python3-openpyxl" },
  { what: "mimalloc", paths: multiarch("libmimalloc.so.2"), pkg: "libmimalloc2.0", optional: true },
];

/** A library's paths in Debian's multiarch directories (/usr/lib/x86_64-linux-gnu and the like). */
function multiarch(file) {
  try {
    return readdirSync("/usr/lib")
      .filter((d) => d.endsWith("-linux-gnu"))
      .map((d) => `/usr/lib/${d}/${file}`);
  } catch {
    return [];
  }
}

const missing = needs.filter((n) => !n.paths.some((p) => existsSync(p)));
if (missing.length === 0) process.exit(0);

const required = missing.filter((m) => !m.optional);
const optional = missing.filter((m) => m.optional);
const list = (ms) => ms.map((m) => m.pkg).join(" ");
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = existsSync("/usr/bin/apt-get");
if (!isRoot || !hasApt) {
  if (required.length > 0) {
    console.error(
      `Mangler: ${required.map((m) => m.what).join(", ")}. Installér med: sudo apt-get install -y ${list(required)}\n` +
        "(Testene af formler og opgaveruden kan ikke køre uden dem.)"
    );
    process.exit(1);
  }
  console.log(`Valgfri pakke mangler: ${list(optional)} (LibreOffice regner langsommere uden). Installér med: sudo apt-get install -y ${list(optional)}`);
  process.exit(0);
}
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
console.log(`Installerer ${list(missing)} fra Debians pakker ...`);
execSync("apt-get update -qq", { stdio: "inherit", env });
if (required.length > 0) execSync(`apt-get install -y -qq ${list(required)} fonts-dejavu-core`, { stdio: "inherit", env });
if (optional.length > 0) {
  try {
    execSync(`apt-get install -y -qq ${list(optional)}`, { stdio: "inherit", env });
  } catch {
    console.log(`Kunne ikke installere ${list(optional)}; testene kører uden, blot langsommere.`);
  }
}

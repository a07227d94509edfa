#!/usr/bin/env node
// Before the tests: make sure the two independent engines the tests need are on the machine.
// LibreOffice recalculates the workbooks; Chromium runs the task pane. Both come from Debian's
// packages (never a downloaded browser). Installs them when missing and we are root on Debian.
"use strict";
const { existsSync } = require("fs");
const { execSync } = require("child_process");

const needs = [
  { what: "LibreOffice", paths: ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"], pkg: "libreoffice-calc-nogui" },
  { what: "Chromium", paths: ["/usr/bin/chromium"], pkg: "chromium" },
  { what: "pdftoppm", paths: ["/usr/bin/pdftoppm"], pkg: "poppler-utils" },
];

const missing = needs.filter((n) => !n.paths.some((p) => existsSync(p)));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((m) => m.pkg).join(" ");
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = existsSync("/usr/bin/apt-get");
if (!isRoot || !hasApt) {
  console.error(
    `Mangler: ${missing.map((m) => m.what).join(", ")}. Installér med: sudo apt-get install -y ${pkgs}\n` +
      "(Testene af formler og opgaveruden kan ikke køre uden dem.)"
  );
  process.exit(1);
}
console.log(`Installerer ${pkgs} fra Debians pakker ...`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execSync("apt-get update -qq", { stdio: "inherit", env });
execSync(`apt-get install -y -qq ${pkgs} fonts-dejavu-core`, { stdio: "inherit", env });

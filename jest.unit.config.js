/**
 * The fast suite (`npm run test:unit`): every test file that needs neither LibreOffice nor Chromium.
 * A file is left out when it reaches either engine (the recalculation helpers, the browser driver, the
 * LibreOffice adapter), so a new slow test file joins the whole suite only, with no list to keep.
 */
const fs = require("fs");
const path = require("path");
const base = require("./jest.config.js");

const SLOW = /recalc-helpers|support\/browser|browser\/forms-support|adapters\/libreoffice/;

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const slow = testFiles(path.join(__dirname, "test")).filter((f) => SLOW.test(fs.readFileSync(f, "utf8")));

module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/", ...slow.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "$")],
};

#!/usr/bin/env node
// `npm start`: serves the add-in over HTTPS on https://localhost:3000 (webpack dev server with the
// office-addin-dev-certs certificate) and says how to load it into Excel on this platform. Sideloading
// into desktop Excel uses office-addin-debugging, fetched on demand by npx (see docs/decisions/0001).
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const origin = `https://localhost:${port}`;
const manifest = path.join(__dirname, "..", "manifest.xml");

function instructions(platform) {
  const common = [`Sagsliste kører på ${origin}/ (taskpane.html, commands.html, preview.html).`, `Sagsliste is served at ${origin}/.`, ""];
  if (platform === "win32" || platform === "darwin") {
    return [
      ...common,
      "Excel på skrivebordet: kør i en anden terminal / Desktop Excel: run in another terminal:",
      "  npx office-addin-debugging start manifest.xml",
      "(værktøjet hentes ved første brug og åbner Excel med tilføjelsesprogrammet / the tool is fetched on first use",
      " and opens Excel with the add-in sideloaded). Stop igen med / stop with: npx office-addin-debugging stop manifest.xml",
      "",
      "Excel på nettet virker også / Excel on the web works too: se vejledningen nedenfor / see below.",
      ...webSteps(),
      ...previewLines(),
    ];
  }
  return [
    ...common,
    "Der findes ikke Excel til skrivebordet på denne platform. Brug Excel på nettet:",
    "There is no desktop Excel on this platform. Use Excel on the web:",
    ...webSteps(),
    ...previewLines(),
  ];
}

function webSteps() {
  return [
    "  1. Åbn en projektmappe i Excel på nettet (https://www.office.com) / Open a workbook in Excel on the web.",
    "  2. Vælg Indsæt > Tilføjelsesprogrammer > Upload mit tilføjelsesprogram",
    "     (Insert > Add-ins > Upload My Add-in).",
    `  3. Vælg filen / choose the file: ${manifest}`,
    "  4. Knapperne findes under Hjem > Sagsliste / the buttons are on Home > Sagsliste.",
    `  Browseren skal stole på udviklingscertifikatet: åbn ${origin}/taskpane.html én gang og acceptér det,`,
    "  hvis den advarer / the browser must trust the dev certificate: open the page once and accept it if warned.",
    "",
  ];
}

function previewLines() {
  return [
    `Forhåndsvisning uden Excel (eksempeldata i hukommelsen) / Preview without Excel (in-memory sample):`,
    `  ${origin}/preview.html   (?arbejdsbog=raa for en ustruktureret sagsliste, ?side=fremmoede for en bestemt side)`,
    "",
    "Stop med Ctrl+C / stop with Ctrl+C.",
    "",
  ];
}

function main() {
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: path.join(__dirname, ".."),
    stdio: ["inherit", "pipe", "inherit"],
    env: process.env,
  });
  let told = false;
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    // Print the instructions once the first build is served, so that they are not lost in webpack's output.
    if (!told && /compiled (successfully|with \d+ warnings?)/.test(chunk.toString())) {
      told = true;
      process.stdout.write(`\n${instructions(process.platform).join("\n")}\n`);
    }
  });
  const forward = (signal) => () => child.kill(signal);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  child.on("exit", (code, signal) => {
    process.exitCode = code === null ? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1) : code;
  });
}

if (require.main === module) main();
module.exports = { instructions };

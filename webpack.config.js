// Builds the add-in's web pages: the task pane, the ribbon's function file, the browser preview and the
// support page, each with a strict Content-Security-Policy; copies the manifest (URLs rewritten) and icons.
// Env: SAGSLISTE_URL (production origin, default https://sagsliste.example.dk/), OFFICE_JS_LOCAL=1
// (serve Office.js from our own origin). `--env only=preview --env outputPath=… --env sourceMaps=false`
// builds just the preview, as the browser tests do (`--env only=taskpane` just taskpane.html, for the tests of
// its start-up); a production build has no preview.
"use strict";
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://sagsliste.example.dk/";
const OFFICE_CDN_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_CDN_SCRIPT = `${OFFICE_CDN_ORIGIN}/lib/1/hosted/office.js`;

/** The page's Content-Security-Policy; Fluent UI (Griffel) injects <style> elements, hence 'unsafe-inline' styles. */
function csp({ officeCdn }) {
  return [
    "default-src 'self'",
    `script-src 'self'${officeCdn ? ` ${OFFICE_CDN_ORIGIN}` : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** The production origin from SAGSLISTE_URL: https, ending in one slash. */
function productionUrl(raw) {
  const value = raw && raw.trim() !== "" ? raw.trim() : DEFAULT_PROD_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SAGSLISTE_URL er ikke en gyldig URL / is not a valid URL: "${value}"`);
  }
  if (url.protocol !== "https:") throw new Error(`SAGSLISTE_URL skal bruge https / must use https: "${value}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The manifest with the dev server's URLs replaced by the production URL (also the bare origin in AppDomain). */
function rewriteManifestUrls(xml, targetUrl) {
  const target = productionUrl(targetUrl);
  const origin = new URL(target).origin;
  return xml.split(DEV_URL).join(target).split(DEV_URL.replace(/\/$/, "")).join(origin);
}

/** Where Office.js comes from: Microsoft's CDN, or with OFFICE_JS_LOCAL=1 a copy served from our own origin. */
function officeJsSource(local) {
  if (!local) return { src: OFFICE_CDN_SCRIPT, cdn: true, copy: [] };
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve("@microsoft/office-js/package.json"));
  } catch {
    throw new Error(
      "OFFICE_JS_LOCAL=1 kræver pakken @microsoft/office-js, som ikke er installeret. Installér den kun til dette formål: " +
        "npm install --save-dev @microsoft/office-js\n" +
        "OFFICE_JS_LOCAL=1 needs the package @microsoft/office-js, which is not installed: npm install --save-dev @microsoft/office-js"
    );
  }
  return { src: "office-js/office.js", cdn: false, copy: [{ from: path.join(pkgDir, "dist"), to: "office-js" }] };
}

/**
 * The dev server's certificate from office-addin-dev-certs. Trusting its CA needs administrator rights
 * (sudo on Linux); without them the server still starts with the generated certificate, and says how to trust it.
 */
async function devServerCertificate() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const file = (name) => path.join(dir, name);
    if (!fs.existsSync(file("localhost.crt")) || !fs.existsSync(file("localhost.key"))) await devCerts.generateCertificates();
    console.warn(
      `\nUdviklingscertifikatet kunne ikke installeres som betroet (${e instanceof Error ? e.message.split("\n")[0] : e}).\n` +
        `Serveren starter alligevel. Stol på ${file("ca.crt")} i browseren/systemet, eller kør: npx office-addin-dev-certs install\n` +
        "The dev certificate could not be installed as trusted; the server starts anyway. Trust ca.crt above or run the command.\n"
    );
    return { ca: fs.readFileSync(file("ca.crt")), cert: fs.readFileSync(file("localhost.crt")), key: fs.readFileSync(file("localhost.key")) };
  }
}

function page({ name, title, chunks, template, officeJs, officeCdn }) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: template || path.join(__dirname, "src", "taskpane", "page.html"),
    chunks,
    title,
    officeJs: officeJs || null,
    // The template writes the CSP as the first element of <head>, before any script can load.
    csp: csp({ officeCdn }),
  });
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const onlyPreview = env.only === "preview";
  const onlyTaskpane = env.only === "taskpane";
  const outputPath = path.resolve(__dirname, env.outputPath || "dist");
  const officeJs = onlyPreview ? { src: null, cdn: false, copy: [] } : officeJsSource(process.env.OFFICE_JS_LOCAL === "1");
  const prodUrl = productionUrl(process.env.SAGSLISTE_URL);

  // The browser preview (an in-memory workbook, ExcelJS in the browser) is for development and tests only:
  // a production build leaves it out, so the add-in's origin serves only the add-in.
  const withPreview = onlyPreview || (dev && !onlyTaskpane);
  const entry = {
    ...(onlyPreview ? {} : { taskpane: "./src/taskpane/index.tsx" }),
    ...(onlyPreview || onlyTaskpane ? {} : { commands: "./src/commands/commands.ts" }),
    ...(withPreview ? { preview: "./src/preview/index.tsx" } : {}),
  };

  const plugins = withPreview ? [page({ name: "preview", title: "Sagsliste – forhåndsvisning", chunks: ["preview"], officeCdn: false })] : [];
  if (onlyTaskpane) {
    plugins.push(page({ name: "taskpane", title: "Sagsliste", chunks: ["taskpane"], officeJs: officeJs.src, officeCdn: officeJs.cdn }));
  } else if (!onlyPreview) {
    plugins.push(
      page({ name: "taskpane", title: "Sagsliste", chunks: ["taskpane"], officeJs: officeJs.src, officeCdn: officeJs.cdn }),
      page({ name: "commands", title: "Sagsliste – kommandoer", chunks: ["commands"], officeJs: officeJs.src, officeCdn: officeJs.cdn }),
      page({ name: "support", title: "Sagsliste – hjælp", chunks: [], template: path.join(__dirname, "src", "taskpane", "support.html"), officeCdn: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // The dev server serves the source manifest as it is; the production build points it at SAGSLISTE_URL.
            transform: (content) => (dev ? content : Buffer.from(rewriteManifestUrls(content.toString("utf8"), prodUrl))),
          },
          ...officeJs.copy,
        ],
      })
    );
  }

  const config = {
    mode: dev ? "development" : "production",
    // No eval-based source maps: the pages' CSP forbids 'unsafe-eval'. Tests skip maps to build faster.
    devtool: env.sourceMaps === "false" ? false : "source-map",
    entry,
    output: {
      path: outputPath,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      clean: true,
      publicPath: "auto",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // The xlsx adapter's file helpers import Node's fs; the browser never calls them.
      fallback: { fs: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.join(__dirname, "tsconfig.json"),
              // ES modules so that webpack can split the lazily loaded pages into their own chunks.
              compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins,
    performance: { hints: false },
    devServer: undefined,
  };

  if (env.WEBPACK_SERVE) {
    config.devServer = {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devServerCertificate() },
      hot: false,
      client: { overlay: { errors: true, warnings: false } },
    };
  }
  return config;
};

module.exports.rewriteManifestUrls = rewriteManifestUrls;
module.exports.productionUrl = productionUrl;
module.exports.csp = csp;

#!/usr/bin/env node
// Offline check of the add-in manifest (no network, unlike `office-addin-manifest validate`):
// well-formed XML, OfficeApp's elements in the schema's order, ids, resource references, https URLs
// and icons that exist in assets/ with the size the manifest claims. Usage: node scripts/validate-manifest.js [manifest.xml]
"use strict";
const fs = require("fs");
const path = require("path");
const { parseXml, XmlError } = require("./xml-wellformed");

const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** OfficeApp (TaskPaneApp) children in the order of the schema; `required` is this project's rule. */
const OFFICE_APP_ORDER = [
  { name: "Id", required: true },
  { name: "AlternateId", required: false },
  { name: "Version", required: true },
  { name: "ProviderName", required: true },
  { name: "DefaultLocale", required: true },
  { name: "DisplayName", required: true },
  { name: "Description", required: true },
  { name: "IconUrl", required: true },
  { name: "HighResolutionIconUrl", required: true },
  { name: "SupportUrl", required: false },
  { name: "AppDomains", required: false },
  { name: "Hosts", required: true },
  { name: "Requirements", required: true },
  { name: "DefaultSettings", required: true },
  { name: "Permissions", required: true },
  { name: "Dependencies", required: false },
  { name: "VersionOverrides", required: true },
];

const PERMISSIONS = ["Restricted", "ReadDocument", "ReadWriteDocument", "WriteDocument", "ReadAllDocument"];
const HOSTS = ["Workbook", "Document", "Presentation", "Notebook", "Project", "Database", "Mailbox"];
/** Maximum lengths from the basic-types schema (ShortString 125, LongString 250, URL 2048, resid 32). */
const MAX = { short: 125, long: 250, url: 2048, resid: 32 };
/** Which resource collection a `resid` may point to, by the referring element's local name. */
const RESID_KIND = {
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
};

function children(el, local) {
  return el.children.filter((c) => local === undefined || c.local === local);
}
function attr(el, local, ns = "") {
  const a = el.attrs.find((x) => x.local === local && x.ns === ns);
  return a ? a.value : undefined;
}
function walk(el, visit) {
  visit(el);
  for (const c of el.children) walk(c, visit);
}

/** Width and height of a PNG file, or null when it is not a PNG. */
function pngSize(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || !sig.every((b, k) => buf[k] === b) || buf.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * Validate manifest text. Returns a list of problems { line, da, en } (empty when valid).
 * `assetsDir` is where icons referenced as …/assets/<file> must exist.
 */
function validateManifest(xml, { assetsDir }) {
  const problems = [];
  const report = (line, da, en) => problems.push({ line, da, en });

  let root;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlError) return [{ line: e.line, da: `XML er ikke velformet: ${e.da}`, en: `XML is not well-formed: ${e.en}` }];
    throw e;
  }

  if (root.local !== "OfficeApp" || root.ns !== NS.officeApp) {
    report(root.line, `rodelementet skal være <OfficeApp> i navnerummet ${NS.officeApp}`, `the root must be <OfficeApp> in namespace ${NS.officeApp}`);
    return problems;
  }
  if (attr(root, "type", NS.xsi) !== "TaskPaneApp") {
    report(root.line, 'OfficeApp skal have xsi:type="TaskPaneApp"', 'OfficeApp must have xsi:type="TaskPaneApp"');
  }

  // --- Order and presence of OfficeApp's children. ---
  let cursor = 0;
  const found = new Map();
  for (const c of root.children) {
    const idx = OFFICE_APP_ORDER.findIndex((o) => o.name === c.local);
    if (idx < 0 || (c.ns !== NS.officeApp && c.local !== "VersionOverrides")) {
      report(c.line, `ukendt element <${c.name}> under <OfficeApp>`, `unknown element <${c.name}> in <OfficeApp>`);
      continue;
    }
    if (found.has(c.local)) {
      report(c.line, `<${c.local}> står mere end én gang`, `<${c.local}> occurs more than once`);
      continue;
    }
    if (idx < cursor) {
      const expectedBefore = OFFICE_APP_ORDER[cursor].name;
      report(
        c.line,
        `<${c.local}> står i forkert rækkefølge: det skal stå før <${expectedBefore}> (skemaets rækkefølge: ${OFFICE_APP_ORDER.map((o) => o.name).join(", ")})`,
        `<${c.local}> is out of order: it must come before <${expectedBefore}>`
      );
    } else cursor = idx;
    found.set(c.local, c);
  }
  for (const o of OFFICE_APP_ORDER) {
    if (o.required && !found.has(o.name)) report(root.line, `det påkrævede element <${o.name}> mangler`, `required element <${o.name}> is missing`);
  }

  const text = (name) => (found.has(name) ? found.get(name).text.trim() : undefined);
  const id = text("Id");
  if (id !== undefined && !/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(id)) {
    report(found.get("Id").line, `<Id> skal være en GUID, ikke "${id}"`, `<Id> must be a GUID, not "${id}"`);
  }
  const version = text("Version");
  if (version !== undefined && !/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) {
    report(found.get("Version").line, `<Version> skal have formen x.y.z.w, ikke "${version}"`, `<Version> must be x.y.z.w, not "${version}"`);
  }
  const locale = text("DefaultLocale");
  if (locale !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) {
    report(found.get("DefaultLocale").line, `<DefaultLocale> er ikke en sprogkode: "${locale}"`, `<DefaultLocale> is not a language tag: "${locale}"`);
  }
  for (const [name, max] of [
    ["ProviderName", MAX.short],
    ["DisplayName", MAX.short],
    ["Description", MAX.long],
  ]) {
    const el = found.get(name);
    if (!el) continue;
    const value = name === "ProviderName" ? el.text.trim() : attr(el, "DefaultValue");
    if (!value) report(el.line, `<${name}> er tom`, `<${name}> is empty`);
    else if (value.length > max) report(el.line, `<${name}> er længere end ${max} tegn`, `<${name}> is longer than ${max} characters`);
  }
  const permissions = text("Permissions");
  if (permissions !== undefined && !PERMISSIONS.includes(permissions)) {
    report(found.get("Permissions").line, `ukendt <Permissions>: "${permissions}"`, `unknown <Permissions>: "${permissions}"`);
  }
  if (found.has("Hosts")) {
    const hosts = children(found.get("Hosts"), "Host");
    if (hosts.length === 0) report(found.get("Hosts").line, "<Hosts> har ingen <Host>", "<Hosts> has no <Host>");
    for (const h of hosts) {
      if (!HOSTS.includes(attr(h, "Name") || "")) report(h.line, `ukendt vært Name="${attr(h, "Name")}"`, `unknown host Name="${attr(h, "Name")}"`);
    }
  }
  if (found.has("Requirements")) {
    const sets = children(found.get("Requirements"), "Sets").flatMap((s) => children(s, "Set"));
    if (sets.length === 0) report(found.get("Requirements").line, "<Requirements> nævner ingen <Set>", "<Requirements> names no <Set>");
    for (const s of sets) {
      if (!attr(s, "Name")) report(s.line, "<Set> mangler Name", "<Set> lacks Name");
      const mv = attr(s, "MinVersion");
      if (mv !== undefined && !/^\d+\.\d+$/.test(mv)) report(s.line, `MinVersion="${mv}" skal have formen x.y`, `MinVersion="${mv}" must be x.y`);
    }
  }
  if (found.has("DefaultSettings") && children(found.get("DefaultSettings"), "SourceLocation").length !== 1) {
    report(
      found.get("DefaultSettings").line,
      "<DefaultSettings> skal have præcis én <SourceLocation>",
      "<DefaultSettings> must have exactly one <SourceLocation>"
    );
  }

  // --- VersionOverrides: namespace, resources, references and ids. ---
  const vo = found.get("VersionOverrides");
  const resources = new Map(); // id -> { kind, url?, line }
  if (vo) {
    if (vo.ns !== NS.overrides || attr(vo, "type", NS.xsi) !== "VersionOverridesV1_0") {
      report(
        vo.line,
        `<VersionOverrides> for en opgaverude skal have xmlns="${NS.overrides}" og xsi:type="VersionOverridesV1_0"`,
        `<VersionOverrides> of a task pane add-in needs xmlns="${NS.overrides}" and xsi:type="VersionOverridesV1_0"`
      );
    }
    const res = children(vo, "Resources")[0];
    if (!res) report(vo.line, "<VersionOverrides> mangler <Resources>", "<VersionOverrides> lacks <Resources>");
    else {
      for (const group of res.children) {
        for (const r of group.children) {
          const rid = attr(r, "id");
          if (!rid) {
            report(r.line, `<${r.name}> mangler id`, `<${r.name}> lacks an id`);
            continue;
          }
          if (rid.length > MAX.resid)
            report(r.line, `ressource-id "${rid}" er længere end ${MAX.resid} tegn`, `resource id "${rid}" is longer than ${MAX.resid} characters`);
          if (resources.has(rid)) {
            report(
              r.line,
              `ressource-id "${rid}" er brugt to gange (først linje ${resources.get(rid).line})`,
              `duplicate resource id "${rid}" (first on line ${resources.get(rid).line})`
            );
            continue;
          }
          const value = attr(r, "DefaultValue");
          if (value === undefined || value === "") report(r.line, `ressourcen "${rid}" mangler DefaultValue`, `resource "${rid}" lacks DefaultValue`);
          const max = group.local === "ShortStrings" ? MAX.short : group.local === "LongStrings" ? MAX.long : MAX.url;
          if (value && value.length > max)
            report(r.line, `ressourcen "${rid}" er længere end ${max} tegn`, `resource "${rid}" is longer than ${max} characters`);
          resources.set(rid, { kind: group.local, value, line: r.line });
        }
      }
    }

    const controlIds = new Map();
    const used = new Set();
    walk(vo, (el) => {
      if (el.local === "Resources") return;
      const rid = attr(el, "resid");
      if (rid !== undefined && !isInside(vo, el, "Resources")) {
        used.add(rid);
        const r = resources.get(rid);
        const kind = RESID_KIND[el.local];
        if (!r)
          report(el.line, `<${el.name} resid="${rid}"> peger på en ressource, der ikke findes`, `<${el.name} resid="${rid}"> refers to a missing resource`);
        else if (kind && r.kind !== kind)
          report(
            el.line,
            `<${el.name} resid="${rid}"> skal pege på ${kind}, ikke ${r.kind}`,
            `<${el.name} resid="${rid}"> must refer to ${kind}, not ${r.kind}`
          );
        if (el.local === "Image" && r && r.kind === "Images") r.sizes = [...(r.sizes || []), Number(attr(el, "size"))];
      }
      if (["Group", "Control", "Item", "CustomTab"].includes(el.local)) {
        const cid = attr(el, "id");
        if (!cid) report(el.line, `<${el.name}> mangler id`, `<${el.name}> lacks an id`);
        else if (controlIds.has(cid))
          report(
            el.line,
            `kontrol-id "${cid}" er brugt to gange (først linje ${controlIds.get(cid)})`,
            `duplicate control id "${cid}" (first on line ${controlIds.get(cid)})`
          );
        else controlIds.set(cid, el.line);
      }
      if (el.local === "Action" && attr(el, "type", NS.xsi) === "ShowTaskpane") {
        const order = ["TaskpaneId", "SourceLocation", "Title"];
        const names = el.children.map((c) => c.local);
        const idx = names.map((n) => order.indexOf(n));
        if (idx.some((k) => k < 0) || idx.some((k, j) => j > 0 && k <= idx[j - 1]) || !names.includes("SourceLocation")) {
          report(
            el.line,
            `ShowTaskpane skal indeholde ${order.join(", ")} i den rækkefølge (SourceLocation påkrævet)`,
            `ShowTaskpane must contain ${order.join(", ")} in that order (SourceLocation required)`
          );
        }
      }
    });
    for (const [rid, r] of resources) {
      if (!used.has(rid)) report(r.line, `ressourcen "${rid}" bruges ikke`, `resource "${rid}" is never used`);
    }
  }

  // --- URLs: every URL https and well-formed; icons exist with the size the manifest says. ---
  const urls = []; // { url, line, icon?: number[] }
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = found.get(name);
    if (el) urls.push({ url: attr(el, "DefaultValue"), line: el.line, icon: name === "IconUrl" ? [32] : name === "HighResolutionIconUrl" ? [64] : undefined });
  }
  if (found.has("AppDomains")) for (const d of children(found.get("AppDomains"), "AppDomain")) urls.push({ url: d.text.trim(), line: d.line });
  if (found.has("DefaultSettings"))
    for (const s of children(found.get("DefaultSettings"), "SourceLocation")) urls.push({ url: attr(s, "DefaultValue"), line: s.line });
  for (const r of resources.values()) {
    if (r.kind === "Images") urls.push({ url: r.value, line: r.line, icon: r.sizes || [] });
    if (r.kind === "Urls") urls.push({ url: r.value, line: r.line });
  }
  // Locale overrides of URL-bearing elements are URLs too.
  const URL_PARENTS = ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Image", "Url"];
  walk(root, (el) => {
    if (!URL_PARENTS.includes(el.local)) return;
    for (const o of children(el, "Override")) urls.push({ url: attr(o, "Value"), line: o.line });
  });

  for (const u of urls) {
    if (!u.url) {
      report(u.line, "URL mangler", "URL is missing");
      continue;
    }
    let parsed;
    try {
      parsed = new URL(u.url);
    } catch {
      report(u.line, `ugyldig URL "${u.url}"`, `malformed URL "${u.url}"`);
      continue;
    }
    if (parsed.protocol !== "https:") {
      report(u.line, `URL skal bruge https: "${u.url}"`, `URL must use https: "${u.url}"`);
      continue;
    }
    if (/\s/.test(u.url) || !parsed.hostname || u.url.length > MAX.url) {
      report(u.line, `ugyldig URL "${u.url}"`, `malformed URL "${u.url}"`);
      continue;
    }
    if (!u.icon) continue;
    const m = /\/assets\/([^/?#]+)$/.exec(parsed.pathname);
    if (!m) {
      report(u.line, `ikonet "${u.url}" skal ligge i assets/`, `icon "${u.url}" must live in assets/`);
      continue;
    }
    const file = path.join(assetsDir, decodeURIComponent(m[1]));
    if (!fs.existsSync(file)) {
      report(u.line, `ikonet findes ikke: ${path.relative(process.cwd(), file) || file}`, `icon file does not exist: ${file}`);
      continue;
    }
    const size = pngSize(fs.readFileSync(file));
    if (!size) report(u.line, `ikonet ${m[1]} er ikke en PNG-fil`, `icon ${m[1]} is not a PNG file`);
    else {
      for (const want of u.icon) {
        if (size.width !== want || size.height !== want) {
          report(
            u.line,
            `ikonet ${m[1]} er ${size.width}x${size.height}, men manifestet siger ${want}x${want}`,
            `icon ${m[1]} is ${size.width}x${size.height}, the manifest says ${want}x${want}`
          );
        }
      }
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** True when `el` lies inside an element named `local` below `root`. */
function isInside(root, el, local) {
  let hit = false;
  const visit = (node, inside) => {
    if (node === el) hit = inside;
    for (const c of node.children) visit(c, inside || node.local === local);
  };
  visit(root, false);
  return hit;
}

function main(argv) {
  const args = argv.slice(2);
  const assetsFlag = args.indexOf("--assets");
  let assetsDir;
  if (assetsFlag >= 0) {
    assetsDir = path.resolve(args[assetsFlag + 1]);
    args.splice(assetsFlag, 2);
  }
  const file = path.resolve(args[0] || "manifest.xml");
  if (!fs.existsSync(file)) {
    console.error(`Manifestet findes ikke / manifest not found: ${file}`);
    return 2;
  }
  const problems = validateManifest(fs.readFileSync(file, "utf8"), { assetsDir: assetsDir || path.join(path.dirname(file), "assets") });
  const rel = path.relative(process.cwd(), file) || file;
  if (problems.length === 0) {
    console.log(`${rel}: manifestet er gyldigt / the manifest is valid (offline-kontrol / offline check).`);
    return 0;
  }
  for (const p of problems) console.error(`${rel}:${p.line}: ${p.da}\n${" ".repeat(rel.length + String(p.line).length + 3)}${p.en}`);
  console.error(`${problems.length} fejl i manifestet / error(s) in the manifest.`);
  return 1;
}

if (require.main === module) process.exitCode = main(process.argv);
module.exports = { validateManifest, pngSize };

// The offline manifest check: it accepts the real manifest (and the production rewrite of it) and rejects
// broken variants with a message that names the problem; the icons in assets/ are real PNGs of their size.
import { spawnSync } from "child_process";
import { readdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { tempDirSync } from "../support/temp-dirs";

const ROOT = path.resolve(__dirname, "..", "..");
const ASSETS = path.join(ROOT, "assets");
const SCRIPT = path.join(ROOT, "scripts", "validate-manifest.js");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

interface Problem {
  line: number;
  da: string;
  en: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest, pngSize } = require(SCRIPT) as {
  validateManifest: (xml: string, options: { assetsDir: string }) => Problem[];
  pngSize: (buf: Buffer) => { width: number; height: number } | null;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifestUrls } = require(path.join(ROOT, "webpack.config.js")) as { rewriteManifestUrls: (xml: string, url: string) => string };

const check = (xml: string) => validateManifest(xml, { assetsDir: ASSETS });
const text = (problems: Problem[]) => problems.map((p) => `${p.line}: ${p.da} / ${p.en}`).join("\n");

/** Replace exactly one occurrence, so that a variant cannot silently stay equal to the original. */
function variant(from: string | RegExp, to: string, source = MANIFEST): string {
  const out = source.replace(from, to);
  if (out === source) throw new Error(`variant did not change the manifest: ${String(from)}`);
  return out;
}

function runCli(xml: string): { status: number | null; output: string } {
  const dir = tempDirSync("manifest");
  const file = path.join(dir, "manifest.xml");
  writeFileSync(file, xml);
  const r = spawnSync(process.execPath, [SCRIPT, file, "--assets", ASSETS], { encoding: "utf8" });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe("the real manifest", () => {
  test("is valid, through the function and through `npm run validate`'s script", () => {
    expect(text(check(MANIFEST))).toBe("");
    const r = spawnSync(process.execPath, [SCRIPT, "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("manifestet er gyldigt");
  });

  test("declares what the add-in needs: Excel, ExcelApi 1.8, read/write, Danish, and a button per page", () => {
    expect(MANIFEST).toContain('<Host Name="Workbook"/>');
    expect(MANIFEST).toContain('<Set Name="ExcelApi" MinVersion="1.8"/>');
    expect(MANIFEST).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(MANIFEST).toContain("<DefaultLocale>da-DK</DefaultLocale>");
    expect(MANIFEST).toContain('<OfficeTab id="TabHome">');
    for (const side of ["import", "visitation", "statusmaaling", "fremmoede", "oversigt"]) {
      expect(MANIFEST).toContain(`https://localhost:3000/taskpane.html?side=${side}"`);
    }
    for (const label of ["Importér", "Visitation", "Statusmåling", "Fremmøde", "Oversigt"]) {
      expect(MANIFEST).toContain(`DefaultValue="${label}"`);
    }
  });

  test("stays valid when the production build points it at SAGSLISTE_URL", () => {
    const prod = rewriteManifestUrls(MANIFEST, "https://sagsliste.kommune.dk/tilfoejelse");
    expect(prod).not.toContain("https://localhost");
    expect(prod).toContain('DefaultValue="https://sagsliste.kommune.dk/tilfoejelse/taskpane.html?side=import"');
    expect(prod).toContain("<AppDomain>https://sagsliste.kommune.dk</AppDomain>");
    expect(text(check(prod))).toBe("");
    expect(() => rewriteManifestUrls(MANIFEST, "http://sagsliste.kommune.dk/")).toThrow(/https/);
  });
});

describe("broken variants are rejected, naming the problem", () => {
  const cases: [string, () => string, RegExp][] = [
    [
      "elements out of the schema's order",
      () => variant(/( {2}<Version>[^\n]*\n)( {2}<ProviderName>[^\n]*\n)/, "$2$1"),
      /<Version> står i forkert rækkefølge.*før <ProviderName>/,
    ],
    [
      "Permissions before DefaultSettings",
      () => variant(/( {2}<DefaultSettings>[\s\S]*?<\/DefaultSettings>\n)( {2}<Permissions>[^\n]*\n)/, "$2$1"),
      /<DefaultSettings> står i forkert rækkefølge/,
    ],
    ["a missing required element", () => variant(/ {2}<Requirements>[\s\S]*?<\/Requirements>\n/, ""), /påkrævede element <Requirements> mangler/],
    [
      "a duplicate resource id",
      () => variant('<bt:String id="Oversigt.Label"', '<bt:String id="Fremmoede.Label"'),
      /ressource-id "Fremmoede.Label" er brugt to gange/,
    ],
    [
      "a duplicate control id",
      () => variant('<Control xsi:type="Button" id="Sagsliste.Oversigt">', '<Control xsi:type="Button" id="Sagsliste.Import">'),
      /kontrol-id "Sagsliste.Import" er brugt to gange/,
    ],
    [
      "a reference to a missing resource",
      () => variant('<Label resid="Oversigt.Label"/>', '<Label resid="Oversigt.Etiket"/>'),
      /resid="Oversigt.Etiket"> peger på en ressource, der ikke findes/,
    ],
    [
      "a reference to the wrong kind of resource",
      () => variant('<Label resid="Oversigt.Label"/>', '<Label resid="Oversigt.Tooltip"/>'),
      /skal pege på ShortStrings, ikke LongStrings/,
    ],
    ["a missing icon", () => variant("assets/oversigt-32.png", "assets/oversigt-33.png"), /ikonet findes ikke: .*oversigt-33\.png/],
    [
      "an icon of the wrong size",
      () =>
        variant(
          '<bt:Image id="Icon.Import.16" DefaultValue="https://localhost:3000/assets/import-16.png"/>',
          '<bt:Image id="Icon.Import.16" DefaultValue="https://localhost:3000/assets/import-32.png"/>'
        ),
      /import-32\.png er 32x32, men manifestet siger 16x16/,
    ],
    [
      "an http URL",
      () => variant('"https://localhost:3000/taskpane.html?side=fremmoede"', '"http://localhost:3000/taskpane.html?side=fremmoede"'),
      /URL skal bruge https: "http:\/\/localhost:3000\/taskpane.html\?side=fremmoede"/,
    ],
    [
      "a malformed URL",
      () => variant('"https://localhost:3000/support.html"/>\n  <AppDomains>', '"https://local host:3000/support.html"/>\n  <AppDomains>'),
      /ugyldig URL "https:\/\/local host/,
    ],
    ["an Id that is not a GUID", () => variant(/<Id>[^<]+<\/Id>/, "<Id>sagsliste</Id>"), /<Id> skal være en GUID/],
    ["a version that is not x.y.z.w", () => variant(/<Version>[^<]+<\/Version>/, "<Version>1.0.0</Version>"), /<Version> skal have formen x\.y\.z\.w/],
    ["an unknown permission", () => variant("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"), /ukendt <Permissions>/],
    ["VersionOverrides 1.1 in a task pane add-in", () => variant('xsi:type="VersionOverridesV1_0"', 'xsi:type="VersionOverridesV1_1"'), /VersionOverridesV1_0/],
    ["an unclosed element", () => variant("</Hosts>\n  <Requirements>", "\n  <Requirements>"), /XML er ikke velformet: <\/OfficeApp> lukker <Hosts>/],
    [
      "a mismatched end tag",
      () => variant("<ProviderName>Sagsliste</ProviderName>", "<ProviderName>Sagsliste</Providername>"),
      /XML er ikke velformet: <\/Providername> lukker <ProviderName>/,
    ],
    [
      "an unescaped ampersand",
      () => variant("<ProviderName>Sagsliste</ProviderName>", "<ProviderName>Sags & liste</ProviderName>"),
      /XML er ikke velformet: '&' uden afsluttende ';'/,
    ],
    [
      "a duplicate attribute",
      () => variant('<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name="ExcelApi" Name="ExcelApi" MinVersion="1.8"/>'),
      /XML er ikke velformet: attributten Name står to gange/,
    ],
    [
      "an unquoted attribute",
      () => variant('<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name=ExcelApi MinVersion="1.8"/>'),
      /XML er ikke velformet: attributten Name mangler anførselstegn/,
    ],
    [
      "an undeclared prefix",
      () => variant('<bt:Image size="16" resid="Icon.App.16"/>', '<xx:Image size="16" resid="Icon.App.16"/>'),
      /XML er ikke velformet: præfikset xx/,
    ],
    ["text after the root element", () => `${MANIFEST}<OfficeApp/>`, /XML er ikke velformet: indhold efter rodelementet/],
    ["an unknown entity", () => variant("<ProviderName>Sagsliste</ProviderName>", "<ProviderName>Sags&nbsp;liste</ProviderName>"), /ukendt entitet &nbsp;/],
  ];

  test.each(cases)("%s", (_name, make, message) => {
    const problems = check(make());
    expect(problems.length).toBeGreaterThan(0);
    expect(text(problems)).toMatch(message);
    for (const p of problems) {
      expect(p.line).toBeGreaterThan(0);
      expect(p.en.length).toBeGreaterThan(0);
    }
  });

  test("the script exits non-zero and prints the problem in Danish and English, with the line", () => {
    const r = runCli(variant('"https://localhost:3000/taskpane.html?side=fremmoede"', '"http://localhost:3000/taskpane.html?side=fremmoede"'));
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/manifest\.xml:\d+: URL skal bruge https/);
    expect(r.output).toContain("URL must use https");
    const broken = runCli("<OfficeApp><Id></OfficeApp>");
    expect(broken.status).toBe(1);
    expect(broken.output).toContain("XML er ikke velformet");
    expect(broken.output).toContain("XML is not well-formed");
  });
});

describe("the icons", () => {
  test("every PNG in assets/ is a real PNG of the size in its name, in 16, 32, 64 and 80 px", () => {
    const files = readdirSync(ASSETS).filter((f) => f.endsWith(".png"));
    expect(files.length).toBeGreaterThanOrEqual(24);
    for (const f of files) {
      const size = /-(\d+)\.png$/.exec(f);
      expect(size).not.toBeNull();
      expect(pngSize(readFileSync(path.join(ASSETS, f)))).toEqual({ width: Number(size![1]), height: Number(size![1]) });
    }
    for (const px of [16, 32, 64, 80]) expect(files).toContain(`icon-${px}.png`);
  });

  test("the generator reproduces the committed icons byte for byte", () => {
    const out = tempDirSync("icons");
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "make-icons.js"), out], { encoding: "utf8" });
    expect(r.status).toBe(0);
    for (const f of readdirSync(ASSETS).filter((x) => x.endsWith(".png"))) {
      expect(readFileSync(path.join(out, f)).equals(readFileSync(path.join(ASSETS, f)))).toBe(true);
    }
  });
});

describe("the production build's pages", () => {
  type Factory = (env: Record<string, string>, argv: { mode: string }) => Promise<{ entry: Record<string, string> }>;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, "webpack.config.js")) as Factory;

  it("leave out the browser preview, which development builds and the tests keep", async () => {
    const prod = await factory({}, { mode: "production" });
    const dev = await factory({}, { mode: "development" });
    const tests = await factory({ only: "preview" }, { mode: "development" });
    expect(Object.keys(prod.entry).sort()).toEqual(["commands", "taskpane"]);
    expect(Object.keys(dev.entry).sort()).toEqual(["commands", "preview", "taskpane"]);
    expect(Object.keys(tests.entry)).toEqual(["preview"]);
  });
});

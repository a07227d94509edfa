// Lint: typescript-eslint's recommended rules plus React hooks; type-checking runs in `npm run lint` via tsc.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/**
 * The layers (docs/architecture.md): each folder of src may import only what lies below it, and only the
 * adapters touch Excel or a workbook library. A leak fails `npm run lint`; test/lint/layers.test.ts shows
 * each rule catching a planted violation.
 */
const LAYERS = [
  { folder: "domain", forbid: ["workbook", "import", "ports", "adapters", "taskpane", "preview", "cli", "commands", "sample"] },
  { folder: "workbook", forbid: ["import", "ports", "adapters", "taskpane", "preview", "cli", "commands", "sample"] },
  { folder: "import", forbid: ["ports", "adapters", "taskpane", "preview", "cli", "commands", "sample"] },
  { folder: "sample", forbid: ["ports", "adapters", "taskpane", "preview", "cli", "commands"] },
  { folder: "ports", forbid: ["adapters", "taskpane", "preview", "cli", "commands", "sample"] },
  { folder: "adapters/officejs", forbid: ["adapters/xlsx", "adapters/libreoffice", "taskpane", "preview", "cli", "commands"] },
  { folder: "adapters/xlsx", forbid: ["adapters/officejs", "taskpane", "preview", "cli", "commands"] },
  { folder: "adapters/libreoffice", forbid: ["adapters/officejs", "adapters/xlsx", "taskpane", "preview", "cli", "commands"] },
  { folder: "taskpane", forbid: ["adapters", "preview", "cli", "sample"] },
  { folder: "preview", forbid: ["adapters/officejs", "adapters/libreoffice", "cli", "commands"] },
  { folder: "cli", forbid: ["adapters/officejs", "taskpane", "preview", "commands"] },
  { folder: "commands", forbid: ["adapters/xlsx", "adapters/libreoffice", "taskpane", "preview", "cli", "workbook", "import"] },
];

// The task pane's entry is its composition root: it alone starts Office, creates the Office.js port and
// hands the pane the xlsx adapter's file reader (loaded lazily, for "Saml flere projektmapper").
const COMPOSITION_ROOTS = { "src/taskpane/index.tsx": ["adapters"] };

function layerRules() {
  const exceljs = { name: "exceljs", message: "Only src/adapters/xlsx imports ExcelJS; use its functions." };
  const office = ["Office", "Excel", "OfficeExtension"].map((name) => ({ name, message: "Only src/adapters/officejs touches Office.js." }));
  const restrict = (folder, forbid) => ({
    "no-restricted-imports": [
      "error",
      {
        paths: folder === "adapters/xlsx" ? [] : [exceljs],
        patterns: forbid.map((f) => ({
          group: [`**/${f}`, `**/${f}/**`],
          message: `src/${folder} may not import src/${f} (docs/architecture.md: the layers import downwards only).`,
        })),
      },
    ],
    ...(folder === "adapters/officejs" ? {} : { "no-restricted-globals": ["error", ...office] }),
  });
  const rules = LAYERS.map(({ folder, forbid }) => ({ files: [`src/${folder}/**/*.{ts,tsx}`], rules: restrict(folder, forbid) }));
  for (const [file, allowed] of Object.entries(COMPOSITION_ROOTS)) {
    const { folder, forbid } = LAYERS.find((l) => file.startsWith(`src/${l.folder}/`));
    rules.push({
      files: [file],
      rules: restrict(
        folder,
        forbid.filter((f) => !allowed.includes(f))
      ),
    });
  }
  return rules;
}

export default tseslint.config(
  { ignores: ["node_modules/", "lib/", "dist/", "coverage/", "test-output/", "demo-output/", "bench-output/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  ...layerRules(),
  {
    files: ["test/**", "bench/**", "src/cli/**", "scripts/**"],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node }, sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off", "no-console": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module" },
  }
);

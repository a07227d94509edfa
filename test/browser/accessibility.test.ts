// axe-core over every page of the task pane, in a converted and in an unconverted workbook, at pane width:
// no violation from the app's own elements. Fluent UI's focus guards (tabster's dummy inputs, which it keeps
// focusable inside aria-hidden on purpose) are Fluent's, not ours, and are left out by name.
import { readFileSync, writeFileSync, mkdirSync } from "fs";
import path from "path";
import { PAGES } from "../../src/taskpane/pages";
import { startPreviewHarness, type PreviewHarness } from "../support/browser";

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const FOCUS_GUARD = "[data-tabster-dummy]";

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; html: string }[];
}

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startPreviewHarness();
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

const results: Record<string, { violations: number; passes: number; guards: number }> = {};

afterAll(() => {
  const dir = path.join(__dirname, "..", "..", "test-output");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "axe-results.json"), JSON.stringify(results, null, 2));
});

describe.each([
  ["converted", ""],
  ["unconverted", "arbejdsbog=raa&"],
])("axe-core on every page of the %s workbook", (state, query) => {
  it.each(PAGES.map((p) => [p.id]))("%s", async (id) => {
    const page = await harness.open(`?${query}side=${id}`);
    await page.getByRole("heading", { level: 2 }).first().waitFor();
    // Let lazy content settle (tables read, forms filled from the setup).
    await page.waitForTimeout(500);
    await page.evaluate(AXE);
    const run = (await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe.run(
        document,
        {
          resultTypes: ["violations"],
        }
      );
      return {
        violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) })),
        passes: r.passes.length,
      };
    })) as { violations: Violation[]; passes: number };
    const ours = run.violations
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !n.html.includes("data-tabster-dummy") && !n.target.some((t) => String(t).includes(FOCUS_GUARD))) }))
      .filter((v) => v.nodes.length > 0);
    const guards = run.violations.reduce((n, v) => n + v.nodes.length, 0) - ours.reduce((n, v) => n + v.nodes.length, 0);
    results[`${state}/${id}`] = { violations: ours.length, passes: run.passes, guards };
    expect(ours.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`)).toEqual([]);
    await page.close();
  });
});

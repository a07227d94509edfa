// Every text input, select and text area of the forms shows where the focus is: a solid outline of at
// least 2 px around the control (not only Fluent's thin underline).
import { startPreviewHarness, type PreviewHarness } from "../support/browser";
import { messages } from "../../src/taskpane/messages";

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startPreviewHarness();
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

test.each(["visitation", "statusmaaling", "fremmoede"])("every input of %s shows a visible focus ring", async (side) => {
  const page = await harness.open(`?side=${side}`);
  await page.getByRole("heading", { level: 2 }).waitFor();
  if (side === "fremmoede") {
    const unit = (await page.getByLabel(messages.attendanceForm.unit).locator("option").allTextContents())[1];
    await page.getByLabel(messages.attendanceForm.unit).selectOption(unit);
  }
  await page.locator("form input, form select, form textarea, section input, section select").first().waitFor();
  const controls = await page.locator('section input:not([type="checkbox"]), section select, section textarea').all();
  expect(controls.length).toBeGreaterThanOrEqual(3);
  const missing: string[] = [];
  for (const c of controls) {
    await c.focus();
    const ring = await c.evaluate((el) => {
      const root = el.closest(".fui-Input, .fui-Select, .fui-Textarea") ?? el;
      const s = getComputedStyle(root);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    if (ring.style === "none" || ring.width < 2) missing.push(`${(await c.getAttribute("id")) ?? "?"}: ${ring.style} ${ring.width}px`);
  }
  expect(missing).toEqual([]);
  await page.close();
});

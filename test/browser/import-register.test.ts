// The Import page in headless Chromium at task-pane width, on a case list with a long-format attendance
// register beside it: the month sheets offered as attendance, and the result saying how many
// registrations came from which sheet and which period was chosen.
import { mkdirSync } from "fs";
import path from "path";
import { convert } from "../../src/import/convert";
import { generateAttendanceRegister } from "../../src/sample/attendance-register";
import { messages } from "../../src/taskpane/messages";
import { TABLES } from "../../src/workbook/contract";
import { SCREENSHOTS, startPreviewHarness, type PreviewHarness } from "../support/browser";

let harness: PreviewHarness;

beforeAll(async () => {
  harness = await startPreviewHarness();
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

test("a long-format register is offered and imported, with registrations per sheet and the period", async () => {
  const page = await harness.open("?arbejdsbog=fremmoede&side=import");
  await page.getByText("Januar 2023: fremmøderegistreringer", { exact: false }).first().waitFor();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "import-register-choice.png"), fullPage: true });
  await page.getByRole("button", { name: messages.importPage.convert }).click();
  const result = page.getByTestId("import-result");
  await result.waitFor();
  const text = await result.innerText();
  expect(text).toContain("Fremmøde: 179 fra 'Januar 2023', 217 fra 'Februar 2023', 206 fra 'Marts 2023', 155 fra 'April 2023'.");
  expect(text).toContain("Periode 01-01-2023–31-12-2023, Opgørelsesdato 28-04-2023");
  const fremmoede = (await page.evaluate((n) => window.__sagsliste!.port.readTable(n), TABLES.fremmoede)) as { rows: unknown[][] } | null;
  expect(fremmoede!.rows).toHaveLength(757);
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, "import-register-result.png"), fullPage: true });
});

test("each attendance value is shown with the status it is read as, and a guess can be confirmed otherwise", async () => {
  const page = await harness.open("?arbejdsbog=fremmoede&side=import");
  const m = messages.importPage;
  await page.getByRole("heading", { name: m.codesHeading }).waitFor();
  // "afbud" is a guess (Aftalt fri, 60 %): the coordinator says it means Syg here.
  const afbud = page.locator('[data-kode="afbud"]');
  await afbud.waitFor();
  expect(await afbud.innerText()).toContain("Aftalt fri");
  await afbud.click();
  await page.getByRole("option", { name: "Syg (S)" }).click();
  await afbud.filter({ hasText: "Syg" }).waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, "import-register-codes.png"), fullPage: true });
  await page.getByRole("button", { name: m.convert }).click();
  await page.getByTestId("import-result").waitFor();
  const fremmoede = (await page.evaluate((n) => window.__sagsliste!.port.readTable(n), TABLES.fremmoede)) as { headers: string[]; rows: unknown[][] };
  const status = fremmoede.headers.indexOf("Status");
  // The same register read by the import itself with "afbud" confirmed as Syg: the page wrote exactly that.
  const expected = convert(generateAttendanceRegister({ seed: 3 }).grids, { attendanceCodes: { afbud: "Syg" } }).attendance;
  const count = (rows: string[], s: string) => rows.filter((x) => x === s).length;
  const shown = fremmoede.rows.map((r) => String(r[status]));
  const wanted = expected.map((a) => a.status);
  expect({ syg: count(shown, "Syg"), fri: count(shown, "Aftalt fri") }).toEqual({ syg: count(wanted, "Syg"), fri: count(wanted, "Aftalt fri") });
  const guessed = convert(generateAttendanceRegister({ seed: 3 }).grids).attendance.map((a) => a.status);
  expect(count(wanted, "Syg")).toBeGreaterThan(count(guessed, "Syg"));
  await page.close();
});

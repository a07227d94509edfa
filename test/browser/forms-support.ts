// Shared helpers of the form tests: read tables back from the preview's in-memory workbook, and count
// keystrokes so that a test can hold the forms to a budget.
import { mkdirSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import type { TableContents } from "../../src/ports/workbook-port";
import { danishDate } from "../../src/domain/dates";
import { SCREENSHOTS } from "../support/browser";

/** A table of the preview's workbook as the port reads it (what the task pane would read in Excel). */
export async function readBack(page: Page, table: string): Promise<TableContents> {
  const t = await page.evaluate((name) => window.__sagsliste!.port.readTable(name), table);
  if (!t) throw new Error(`Tabellen ${table} findes ikke i forhåndsvisningens arbejdsbog`);
  return t;
}

/** Rows of a table as records by header. */
export function records(t: TableContents): Record<string, unknown>[] {
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

/** How many saves have reached the in-memory workbook. */
export async function saveCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__sagsliste!.port.saves);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

/** A keyboard that counts every key it presses (a typed string counts one per character). */
export class CountingKeyboard {
  count = 0;
  constructor(private page: Page) {}
  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.count++;
    }
  }
  async type(text: string): Promise<void> {
    for (const ch of text) {
      if (/^[\x20-\x7e]$/.test(ch)) {
        await this.press(ch);
      } else {
        // A letter such as ø is one key on a Danish keyboard; Playwright types it rather than presses it.
        await this.page.keyboard.type(ch);
        this.count++;
      }
    }
  }
}

/** The quickest way to type a date into a date field: its eight digits, ddmmåååå. */
export function dateKeys(serial: number): string {
  return danishDate(serial).replace(/-/g, "");
}

/** The control labelled exactly so (a required field's label ends in " *", which the name then carries). */
export function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByLabel(new RegExp(`^${escaped}(\\s*\\*)?$`));
}

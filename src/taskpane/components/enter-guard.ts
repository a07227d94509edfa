// Enter in a text field never submits a form: a form is saved only by its save button. (A browser submits
// a form when Enter is pressed in a single-line input; in a narrow task pane that saved half-filled forms.)
import type { KeyboardEvent } from "react";

const SUBMITTING_INPUTS = new Set(["text", "search", "number", "email", "tel", "url", "password", "date"]);

export function preventEnterSubmit(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key !== "Enter") return;
  const t = e.target;
  if (t instanceof HTMLInputElement && SUBMITTING_INPUTS.has(t.type)) e.preventDefault();
}

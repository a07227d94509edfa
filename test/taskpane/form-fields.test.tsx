// The form controls as components, rendered to HTML: every control carries its label, and an error sits
// in its own field, tied to the control (aria-describedby) and marking it invalid (aria-invalid).
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import { DateField, SelectField, TextField } from "../../src/taskpane/components/fields";
import { FormFeedback } from "../../src/taskpane/components/FormFeedback";

const noop = () => undefined;

/** The rendered HTML (the test environment has no DOM; the markup is read with a few patterns). */
function render(node: React.ReactNode): string {
  return renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

const stripTags = (s: string): string => s.replace(/<[^>]*>/g, "");

function attributes(html: string, id: string): Record<string, string> {
  const tag = new RegExp(`<\\w+([^>]*\\sid="${id}"[^>]*)>`).exec(html);
  if (!tag) throw new Error(`no element #${id}`);
  return Object.fromEntries([...tag[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

function textOf(html: string, id: string): string {
  const m = new RegExp(`<(\\w+)[^>]*\\sid="${id}"[^>]*>(.*?)</\\1>`).exec(html);
  return m ? stripTags(m[2]) : "";
}

/** The id of the control a label names, as a screen reader finds it: label[for]. */
function control(html: string, label: string): string {
  for (const m of html.matchAll(/<label[^>]*\sfor="([^"]+)"[^>]*>(.*?)<\/label>/g)) {
    if (stripTags(m[2]).replace(/\s*\*$/, "") === label) return m[1];
  }
  throw new Error(`no label ${label}`);
}

const describedBy = (html: string, id: string) => (attributes(html, id)["aria-describedby"] ?? "").split(" ").map((d) => textOf(html, d));

test("an error is shown in its field, tied to the control and marking it invalid", () => {
  const html = render(
    <>
      <TextField label="Begrundelse" value="" error="Et afslag skal have en begrundelse." onChange={noop} />
      <DateField label="Beslutningsdato" value="01-02-2025" required onChange={noop} />
    </>
  );
  const begrundelse = control(html, "Begrundelse");
  expect(attributes(html, begrundelse)["aria-invalid"]).toBe("true");
  expect(describedBy(html, begrundelse)).toContain("Et afslag skal have en begrundelse.");
  const dato = control(html, "Beslutningsdato");
  expect(attributes(html, dato)["aria-invalid"]).toBeUndefined();
  expect(attributes(html, dato).required).toBe("");
  expect(describedBy(html, dato)).toContain("dd-mm-åååå");
});

test("a select keeps a value its list no longer holds, and offers the placeholder first", () => {
  const html = render(<SelectField label="Henviser" value="Naboen" options={["Jobcenter", { value: "Andet", label: "Andet" }]} onChange={noop} />);
  const select = new RegExp(`<select[^>]*\\sid="${control(html, "Henviser")}"[^>]*>(.*?)</select>`).exec(html)?.[1] ?? "";
  expect([...select.matchAll(/<option[^>]*>(.*?)<\/option>/g)].map((o) => o[1])).toEqual(["Vælg …", "Jobcenter", "Andet", "Naboen"]);
});

test("feedback is one polite live region", () => {
  const html = render(<FormFeedback feedback={{ kind: "saved", text: "Visitationen V-0001 er gemt i Visitationer." }} />);
  const regions = [...html.matchAll(/<div([^>]*)role="status"([^>]*)>/g)];
  expect(regions).toHaveLength(1);
  expect(regions[0][0]).toContain('aria-live="polite"');
  expect(stripTags(html)).toContain("Visitationen V-0001 er gemt i Visitationer.");
});

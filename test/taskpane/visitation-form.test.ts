// The visitation form's rules (docs/domain.md), checked on the form's own logic: what is refused and where the
// message goes, what a granted visitation creates, and the rows a save writes.
import { serial } from "../../src/domain/dates";
import { visitationSchema } from "../../src/domain/schemas";
import { DEFAULT_LISTS } from "../../src/domain/setup-defaults";
import type { Case } from "../../src/domain/model";
import type { FormSetup } from "../../src/taskpane/forms/setup";
import {
  EMPTY_VISITATION,
  draftOf,
  draftTimes,
  validateVisitationDraft,
  visitationChanges,
  visitationSavedText,
  type VisitationContext,
  type VisitationDraft,
} from "../../src/taskpane/forms/visitation-form";
import { nextId } from "../../src/taskpane/forms/cases";
import { nextIdLike } from "../../src/taskpane/forms/next-id";

const setup: FormSetup = {
  units: ["Kilen", "Smedien"],
  lists: Object.fromEntries(Object.entries(DEFAULT_LISTS).map(([k, v]) => [k, [...v]])),
  instruments: [],
  statuses: [],
  holidays: [],
};

const existingCase: Case = {
  sagsId: "S-0007",
  cpr: null,
  navn: "Bo Eksempel",
  enhed: "Kilen",
  lovgrundlag: "§103",
  pladstype: "Fuldtid",
  henviser: null,
  visitationsdato: null,
  indskrevet: serial(2025, 3, 10),
  udskrevet: null,
  udskrivningsaarsag: null,
  forsoergelsesgrundlag: null,
  jobcenterforloeb: null,
  kontaktperson: null,
  bemaerkninger: null,
};

const ctx: VisitationContext = { setup, cases: [existingCase], visitations: [], editing: null };

const draft = (patch: Partial<VisitationDraft>): VisitationDraft => ({ ...EMPTY_VISITATION, henvendelsesdato: "03-02-2025", ...patch });

function errorsOf(d: VisitationDraft, c: VisitationContext = ctx) {
  const r = validateVisitationDraft(d, c);
  return r.ok ? {} : r.errors;
}

test.each([
  ["no enquiry date", { henvendelsesdato: "" }, "henvendelsesdato", "Skriv henvendelsesdatoen."],
  ["an enquiry date that is no date", { henvendelsesdato: "31-02-2025" }, "henvendelsesdato", "Skriv en gyldig dato (dd-mm-åååå)."],
  [
    "a refusal without reasons",
    { beslutning: "Afslag", beslutningsdato: "10-02-2025", klagevejledningGivet: true },
    "begrundelse",
    "Et afslag skal have en begrundelse.",
  ],
  [
    "a refusal without complaint guidance",
    { beslutning: "Afslag", beslutningsdato: "10-02-2025", begrundelse: "Uden for målgruppen" },
    "klagevejledningGivet",
    'Ved afslag skal det registreres, at der er givet klagevejledning ("Ja").',
  ],
  [
    "a decision before the enquiry",
    { beslutning: "Bevilget", beslutningsdato: "01-02-2025" },
    "beslutningsdato",
    "Beslutningsdatoen ligger før henvendelsesdatoen.",
  ],
  ["a referrer not in the list", { henviser: "Naboen" }, "henviser", expect.stringContaining("Vælg en værdi fra listen Henviser")],
  ["a unit not in Enheder", { oensketEnhed: "Ukendt" }, "oensketEnhed", expect.stringContaining("Vælg en værdi fra listen Enheder")],
  [
    "a granted start without a unit",
    { beslutning: "Bevilget", beslutningsdato: "10-02-2025", forventetStart: "03-03-2025" },
    "oensketEnhed",
    "Vælg den enhed, borgeren starter i.",
  ],
  [
    "a new case's CPR that is no CPR",
    { beslutning: "Bevilget", beslutningsdato: "10-02-2025", forventetStart: "03-03-2025", oensketEnhed: "Kilen", cpr: "123" },
    "cpr",
    "Skriv CPR-nummeret som DDMMÅÅ-LLLL med en gyldig fødselsdato.",
  ],
  ["a link to a case that does not exist", { sagsId: "S-9999" }, "sagsId", "Sagen findes ikke i Sager."],
  ["goals without a case", { maal: "Møde til tiden" }, "maal", expect.stringContaining("Mål kan kun gemmes på en sag")],
])("%s is refused beside its field", (_name, patch, field, message) => {
  expect(errorsOf(draft(patch))).toMatchObject({ [field]: message });
});

test("a refusal with reasons and complaint guidance passes, and writes one row with Ja", () => {
  const r = validateVisitationDraft(
    draft({ beslutning: "Afslag", beslutningsdato: "10-02-2025", begrundelse: "Uden for målgruppen", klagevejledningGivet: true }),
    ctx
  );
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.save.newCase).toBeNull();
  expect(visitationChanges(r.save, null)).toEqual([
    {
      table: "Visitationer",
      appends: [
        expect.objectContaining({
          "Visitations-ID": "V-0001",
          Beslutning: "Afslag",
          Begrundelse: "Uden for målgruppen",
          "Klagevejledning givet": "Ja",
          "Sags-ID": null,
          Henvendelsesdato: serial(2025, 2, 3),
        }),
      ],
    },
  ]);
});

test("Bevilget with a start date creates the case in Sager with the goals in Mål", () => {
  const r = validateVisitationDraft(
    draft({
      beslutning: "Bevilget",
      beslutningsdato: "10-02-2025",
      forventetStart: "3/3-25",
      oensketEnhed: "Smedien",
      pladstype: "Deltid",
      lovgrundlag: "§104",
      navn: "Ny Borger",
      cpr: "0101901234",
      maal: "Møde til tiden\n\n Tage bussen \n",
    }),
    ctx
  );
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.save.newCase).toMatchObject({
    sagsId: "S-0008",
    enhed: "Smedien",
    indskrevet: serial(2025, 3, 3),
    visitationsdato: serial(2025, 2, 10),
    cpr: "010190-1234",
    pladstype: "Deltid",
    lovgrundlag: "§104",
  });
  expect(r.save.visitation.sagsId).toBe("S-0008");
  const changes = visitationChanges(r.save, null);
  expect(changes.map((c) => [c.table, c.appends?.length ?? 0, c.updates?.length ?? 0])).toEqual([
    ["Visitationer", 1, 0],
    ["Sager", 1, 0],
    ["Maal", 2, 0],
  ]);
  expect(changes[2].appends?.map((g) => g["Mål"])).toEqual(["Møde til tiden", "Tage bussen"]);
  expect(visitationSavedText(r.save, false)).toBe("Visitationen V-0001 er gemt i Visitationer. Sagen S-0008 er oprettet i Sager. 2 mål er gemt i Mål.");
});

test("Bevilget for an existing case links to it instead of creating one", () => {
  const r = validateVisitationDraft(draft({ beslutning: "Bevilget", beslutningsdato: "10-02-2025", forventetStart: "03-03-2025", sagsId: "s-0007" }), ctx);
  expect(r.ok && r.save.newCase).toBe(null);
  expect(r.ok && r.save.visitation.sagsId).toBe("s-0007");
  expect(r.ok && visitationChanges(r.save, null).map((c) => c.table)).toEqual(["Visitationer"]);
});

test("editing keeps the id and updates the row in place", () => {
  const earlier = {
    visitationsId: "V005-003",
    sagsId: null,
    henvendelsesdato: serial(2024, 5, 1),
    henviser: "Jobcenter",
    lovgrundlag: "LAB",
    oensketEnhed: "Kilen",
    pladstype: null,
    beslutning: "Venteliste",
    beslutningsdato: serial(2024, 5, 20),
    begrundelse: null,
    klagevejledningGivet: null,
    forventetStart: null,
  };
  const d = { ...draftOf(earlier), beslutning: "Trukket tilbage" };
  expect(d.henvendelsesdato).toBe("01-05-2024");
  const r = validateVisitationDraft(d, { ...ctx, visitations: [earlier], editing: earlier });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(visitationChanges(r.save, 4)).toEqual([
    { table: "Visitationer", updates: [{ index: 4, values: expect.objectContaining({ "Visitations-ID": "V005-003", Beslutning: "Trukket tilbage" }) }] },
  ]);
});

test("processing and waiting times follow docs/domain.md, empty until both dates are known", () => {
  expect(draftTimes(draft({ beslutningsdato: "10-02-2025", forventetStart: "03-03-2025" }), [])).toEqual({ sagsbehandlingstid: 7, ventetid: 21 });
  expect(draftTimes(draft({ beslutningsdato: "" }), [])).toEqual({ sagsbehandlingstid: null, ventetid: null });
  // A linked case's enrolment date is when the waiting ended.
  expect(draftTimes(draft({ beslutningsdato: "10-02-2025", forventetStart: "01-03-2025", sagsId: "S-0007" }), [existingCase]).ventetid).toBe(28);
});

test("the import and the form share one visitation schema", () => {
  const schema = visitationSchema({ henviser: ["Jobcenter"], lovgrundlag: [], pladstype: [], beslutning: ["Afslag"], enheder: [] });
  const v = {
    visitationsId: "V1",
    sagsId: null,
    henvendelsesdato: 45000,
    henviser: "Jobcenter",
    lovgrundlag: null,
    oensketEnhed: "Hvad som helst",
    pladstype: null,
    beslutning: "Afslag",
    beslutningsdato: 44990,
    begrundelse: null,
    klagevejledningGivet: null,
    forventetStart: null,
  };
  const r = schema.safeParse(v);
  expect(r.success).toBe(false);
  expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(["begrundelse", "beslutningsdato", "klagevejledningGivet"]);
});

test("ids: one more than the highest of the prefix, never one taken", () => {
  expect(nextId([], "V-")).toBe("V-0001");
  expect(nextId(["V-0009", "V005-012", "v-0003"], "V-")).toBe("V-0010");
  expect(nextId(["S-0001", "S-0002x"], "S-")).toBe("S-0002");
});

test("new ids follow the column's own pattern", () => {
  expect(nextIdLike([], "V-")).toBe("V-0001");
  expect(nextIdLike(["V005-001", "V005-072", "V005-010"], "V-")).toBe("V005-073");
  expect(nextIdLike(["S005-001", "S005-002", "X9"], "S-")).toBe("S005-003");
  expect(nextIdLike(["17", "18"], "S-")).toBe("19");
});

test("a new case needs a name or a CPR; name and CPR without a new case are refused; the start follows enquiry and decision", () => {
  const granted = { beslutning: "Bevilget", oensketEnhed: "Kilen", beslutningsdato: "10-02-2025", forventetStart: "03-03-2025" };
  expect(errorsOf(draft(granted)).navn).toBe("En ny sag skal have borgerens navn eller CPR-nummer.");
  expect(errorsOf(draft({ ...granted, cpr: "010190-1234" })).navn).toBeUndefined();
  const refusal = errorsOf(
    draft({ beslutning: "Afslag", beslutningsdato: "10-02-2025", begrundelse: "x", klagevejledningGivet: true, navn: "Kim", cpr: "0101901234" })
  );
  expect(refusal.navn).toMatch(/gemmes kun på en ny sag/);
  expect(refusal.cpr).toMatch(/gemmes kun på en ny sag/);
  expect(errorsOf(draft({ ...granted, navn: "Kim", forventetStart: "01-02-2025" })).forventetStart).toBe("Forventet start ligger før henvendelsesdatoen.");
  expect(errorsOf(draft({ ...granted, navn: "Kim", forventetStart: "05-02-2025" })).forventetStart).toBe("Forventet start ligger før beslutningsdatoen.");
});

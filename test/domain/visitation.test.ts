// Visitations: case-handling time, waiting time and the validation rules with their Danish messages.
import { serial } from "../../src/domain/dates";
import type { Case, Visitation } from "../../src/domain/model";
import { linkedCase, sagsbehandlingstid, startdato, validateVisitation, ventetid } from "../../src/domain/visitation";

function visitation(over: Partial<Visitation> = {}): Visitation {
  return {
    visitationsId: "V1",
    sagsId: null,
    henvendelsesdato: serial(2024, 1, 10),
    henviser: "Jobcenter",
    lovgrundlag: "§103",
    oensketEnhed: "Kilen",
    pladstype: "Fuldtid",
    beslutning: "Bevilget",
    beslutningsdato: serial(2024, 2, 1),
    begrundelse: null,
    klagevejledningGivet: null,
    forventetStart: null,
    ...over,
  };
}

const kase = (sagsId: string, indskrevet: number | null): Case => ({ sagsId, indskrevet }) as Case;
const cases = [kase("S1", serial(2024, 3, 1)), kase("S2", null), kase("S1", serial(2025, 1, 1))];

describe("sagsbehandlingstid", () => {
  it.each<[string, Partial<Visitation>, number | null]>([
    ["decision - enquiry in days", {}, 22],
    ["same day is 0", { beslutningsdato: serial(2024, 1, 10) }, 0],
    ["no decision date: empty", { beslutningsdato: null }, null],
    ["a decision before the enquiry stays negative", { beslutningsdato: serial(2024, 1, 5) }, -5],
  ])("%s", (_name, over, expected) => {
    expect(sagsbehandlingstid(visitation(over))).toBe(expected);
  });
});

describe("ventetid", () => {
  it.each<[string, Partial<Visitation>, number | null, number | null]>([
    ["linked case: its enrolment date", { sagsId: "S1" }, serial(2024, 3, 1), 29],
    ["the first case with the id, ignoring case", { sagsId: "s1", forventetStart: serial(2024, 2, 10) }, serial(2024, 3, 1), 29],
    ["linked case without enrolment: expected start", { sagsId: "S2", forventetStart: serial(2024, 2, 10) }, serial(2024, 2, 10), 9],
    ["unknown case: expected start", { sagsId: "S9", forventetStart: serial(2024, 2, 10) }, serial(2024, 2, 10), 9],
    ["no case: expected start", { forventetStart: serial(2024, 2, 10) }, serial(2024, 2, 10), 9],
    ["no start known: empty", { sagsId: "S9" }, null, null],
    ["no decision date: empty, the start still shown", { sagsId: "S1", beslutningsdato: null }, serial(2024, 3, 1), null],
  ])("%s", (_name, over, start, expected) => {
    const v = visitation(over);
    expect(startdato(v, cases)).toBe(start);
    expect(ventetid(v, cases)).toBe(expected);
  });

  it("never links an empty id", () => {
    expect(linkedCase(visitation({ sagsId: "" }), [kase("", 5)])).toBeNull();
  });
});

describe("validateVisitation", () => {
  const codes = (over: Partial<Visitation>) => validateVisitation(visitation(over)).map((f) => f.code);

  it("accepts a complete grant", () => {
    expect(validateVisitation(visitation())).toEqual([]);
  });

  it("demands reasons and complaint guidance for a refusal", () => {
    const findings = validateVisitation(visitation({ beslutning: "Afslag" }));
    expect(findings).toEqual([
      { field: "Begrundelse", severity: "fejl", code: "AFSLAG_UDEN_BEGRUNDELSE", message: "Et afslag skal have en begrundelse." },
      {
        field: "Klagevejledning givet",
        severity: "fejl",
        code: "AFSLAG_UDEN_KLAGEVEJLEDNING",
        message: 'Ved afslag skal det registreres, at der er givet klagevejledning ("Ja").',
      },
    ]);
    expect(codes({ beslutning: "Afslag", begrundelse: "Uden for målgruppen", klagevejledningGivet: "Ja" })).toEqual([]);
    expect(codes({ beslutning: "afslag", begrundelse: "  ", klagevejledningGivet: "Nej" })).toEqual(["AFSLAG_UDEN_BEGRUNDELSE", "AFSLAG_UDEN_KLAGEVEJLEDNING"]);
  });

  it("rejects a decision dated before the enquiry", () => {
    const [f] = validateVisitation(visitation({ beslutningsdato: serial(2024, 1, 9) }));
    expect(f).toMatchObject({ field: "Beslutningsdato", severity: "fejl", message: "Beslutningsdatoen ligger før henvendelsesdatoen." });
  });

  it("warns of a decision without a date, except while under investigation", () => {
    expect(validateVisitation(visitation({ beslutningsdato: null }))).toEqual([
      {
        field: "Beslutningsdato",
        severity: "advarsel",
        code: "BESLUTNING_UDEN_DATO",
        message: 'Beslutningen "Bevilget" mangler en beslutningsdato.',
      },
    ]);
    expect(codes({ beslutning: "Under udredning", beslutningsdato: null })).toEqual([]);
    expect(codes({ beslutning: null, beslutningsdato: null })).toEqual([]);
  });

  it("warns of an expected start before the decision", () => {
    expect(codes({ forventetStart: serial(2024, 1, 31) })).toEqual(["START_FOER_BESLUTNING"]);
    expect(codes({ forventetStart: serial(2024, 2, 1) })).toEqual([]);
  });
});

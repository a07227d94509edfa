// Table-driven: how Danish case lists spell headers, dates, CPR numbers, numbers and list values.
import { serial } from "../../src/domain/dates";
import { headerCandidates } from "../../src/import/header-match";
import { mapRegion } from "../../src/import/mapping";
import { detectCaseList } from "../../src/import/detect";
import { parseCprCell, parseDateCell, parseDateText, parseListCell, parseNumberText, parseYesNoCell } from "../../src/import/parse";
import { buildListLookup } from "../../src/import/synonyms";

const HEADERS: [string, string][] = [
  ["Sags-ID", "Sags-ID"],
  ["Sagsnr.", "Sags-ID"],
  ["SAGSNUMMER", "Sags-ID"],
  ["Sag nr", "Sags-ID"],
  ["Forløbs-ID", "Sags-ID"],
  ["Journalnr.", "Sags-ID"],
  ["ID", "Sags-ID"],
  ["sagsid", "Sags-ID"],
  ["CPR", "CPR"],
  ["CPR-nr.", "CPR"],
  ["Cpr", "CPR"],
  ["cpr nr", "CPR"],
  ["CPR-NR", "CPR"],
  ["Cpr.nr.", "CPR"],
  ["CPR-nummer", "CPR"],
  ["Personnummer", "CPR"],
  ["Person nr.", "CPR"],
  ["Personnr", "CPR"],
  ["CPR nummer ", "CPR"],
  ["Borgers CPR", "CPR"],
  ["Personummer", "CPR"],
  ["Navn", "Navn"],
  ["NAVN", "Navn"],
  ["Borger", "Navn"],
  ["Borgers navn", "Navn"],
  ["Deltager", "Navn"],
  ["Fulde navn", "Navn"],
  ["Borgernavn", "Navn"],
  ["For- og efternavn", "Navn"],
  ["Kursist", "Navn"],
  ["Værksted", "Enhed"],
  ["Afdeling", "Enhed"],
  ["Enhed", "Enhed"],
  ["Tilbud", "Enhed"],
  ["Værksted/afdeling", "Enhed"],
  ["Vaerksted", "Enhed"],
  ["Lovgrundlag", "Lovgrundlag"],
  ["§", "Lovgrundlag"],
  ["Paragraf", "Lovgrundlag"],
  ["Hjemmel", "Lovgrundlag"],
  ["SEL §", "Lovgrundlag"],
  ["Pladstype", "Pladstype"],
  ["Fuld/deltid", "Pladstype"],
  ["FT/DT", "Pladstype"],
  ["Plads type", "Pladstype"],
  ["Henviser", "Henviser"],
  ["Henvist af", "Henviser"],
  ["Henvisende instans", "Henviser"],
  ["Indskrivning Henviser", "Henviser"],
  ["Visitationsdato", "Visitationsdato"],
  ["Visiteret", "Visitationsdato"],
  ["Bevillingsdato", "Visitationsdato"],
  ["Dato for visitation", "Visitationsdato"],
  ["Startdato", "Indskrevet"],
  ["Start dato", "Indskrevet"],
  ["Indskrevet", "Indskrevet"],
  ["Indskr. dato", "Indskrevet"],
  ["Indskr.dato", "Indskrevet"],
  ["Indskrivningsdato", "Indskrevet"],
  ["Opstart", "Indskrevet"],
  ["Indskrivning Dato", "Indskrevet"],
  ["Indskrivningsdato:", "Indskrevet"],
  ["Indskrivnigsdato", "Indskrevet"],
  ["Udskr. dato", "Udskrevet"],
  ["Udskrevet", "Udskrevet"],
  ["Slutdato", "Udskrevet"],
  ["Udskrivningsdato", "Udskrevet"],
  ["Ophørsdato", "Udskrevet"],
  ["Udskrivning Dato", "Udskrevet"],
  ["Slut dato", "Udskrevet"],
  ["Udskrivingsdato", "Udskrevet"],
  ["Udskrivningsårsag", "Udskrivningsårsag"],
  ["Årsag", "Udskrivningsårsag"],
  ["Ophørsårsag", "Udskrivningsårsag"],
  ["Udskr. årsag", "Udskrivningsårsag"],
  ["Udskrivning Årsag", "Udskrivningsårsag"],
  ["Udskrivningsarsag", "Udskrivningsårsag"],
  ["Årsag til udskrivning", "Udskrivningsårsag"],
  ["Forsørgelsesgrundlag", "Forsørgelsesgrundlag"],
  ["Forsørgelse", "Forsørgelsesgrundlag"],
  ["Ydelse", "Forsørgelsesgrundlag"],
  ["Forsorgelsesgrundlag", "Forsørgelsesgrundlag"],
  ["Jobcenterforløb", "Jobcenterforløb"],
  ["JC-forløb", "Jobcenterforløb"],
  ["Jobcenter forløb", "Jobcenterforløb"],
  ["Kontaktperson", "Kontaktperson"],
  ["Kontakt", "Kontaktperson"],
  ["Tovholder", "Kontaktperson"],
  ["Kontaktpædagog", "Kontaktperson"],
  ["Bemærkninger", "Bemærkninger"],
  ["Noter", "Bemærkninger"],
  ["Kommentar", "Bemærkninger"],
  ["Bem.", "Bemærkninger"],
  ["Bemaerkninger", "Bemærkninger"],
];

const NOT_HEADERS = ["Farve", "Cykel nr.", "Telefon", "Mødetid", "Sagsliste 2024", "Kilen"];

describe("header spellings", () => {
  it("has at least 60 spellings", () => expect(HEADERS.length).toBeGreaterThanOrEqual(60));
  it.each(HEADERS)("%s -> %s", (header, column) => {
    const best = headerCandidates(header)[0];
    expect(best?.column).toBe(column);
    expect(best.score).toBeGreaterThanOrEqual(0.5);
    expect(best.reason).toMatch(/Overskriften/);
  });
  it.each(NOT_HEADERS)("%s is not taken for a Sager column", (header) => {
    const best = headerCandidates(header)[0];
    expect(best === undefined || best.score < 0.5).toBe(true);
  });
});

const D = (y: number, m: number, d: number) => serial(y, m, d);
const DATES: [string, number][] = [
  ["1/2-23", D(2023, 2, 1)],
  ["01/02-2023", D(2023, 2, 1)],
  ["1/2-2023", D(2023, 2, 1)],
  ["01.02.2023", D(2023, 2, 1)],
  ["1.2.2023", D(2023, 2, 1)],
  ["1.2.23", D(2023, 2, 1)],
  ["1-2-2023", D(2023, 2, 1)],
  ["01-02-2023", D(2023, 2, 1)],
  ["01-02-23", D(2023, 2, 1)],
  ["2023-02-01", D(2023, 2, 1)],
  ["2023-2-1", D(2023, 2, 1)],
  ["2023.02.01", D(2023, 2, 1)],
  ["2023/02/01", D(2023, 2, 1)],
  ["1. feb 2023", D(2023, 2, 1)],
  ["1. feb. 2023", D(2023, 2, 1)],
  ["1 feb 2023", D(2023, 2, 1)],
  ["1. februar 2023", D(2023, 2, 1)],
  ["1.feb.23", D(2023, 2, 1)],
  ["01-feb-2023", D(2023, 2, 1)],
  ["1. Februar 2023", D(2023, 2, 1)],
  ["1/2 2023", D(2023, 2, 1)],
  [" 01.02.2023 ", D(2023, 2, 1)],
  ["onsdag d. 1. februar 2023", D(2023, 2, 1)],
  ["d. 1. feb 2023", D(2023, 2, 1)],
  ["2023-02-01T00:00:00", D(2023, 2, 1)],
  ["2023-02-01 10:30", D(2023, 2, 1)],
  ["01.02.2023 kl. 10.30", D(2023, 2, 1)],
  ["20230201", D(2023, 2, 1)],
  ["01022023", D(2023, 2, 1)],
  ["feb 1, 2023", D(2023, 2, 1)],
  ["31. januar 2024", D(2024, 1, 31)],
  ["31. jan 2024", D(2024, 1, 31)],
  ["15. marts 2022", D(2022, 3, 15)],
  ["15. mar 2022", D(2022, 3, 15)],
  ["3. april 2021", D(2021, 4, 3)],
  ["3. apr 2021", D(2021, 4, 3)],
  ["7. maj 2020", D(2020, 5, 7)],
  ["30. juni 2019", D(2019, 6, 30)],
  ["30. jun 2019", D(2019, 6, 30)],
  ["4. juli 2025", D(2025, 7, 4)],
  ["4. jul 2025", D(2025, 7, 4)],
  ["12. august 2018", D(2018, 8, 12)],
  ["12. aug 2018", D(2018, 8, 12)],
  ["9. september 2017", D(2017, 9, 9)],
  ["9. sept 2017", D(2017, 9, 9)],
  ["9. sep 2017", D(2017, 9, 9)],
  ["1. oktober 2016", D(2016, 10, 1)],
  ["1. okt 2016", D(2016, 10, 1)],
  ["11. november 2015", D(2015, 11, 11)],
  ["11. nov 2015", D(2015, 11, 11)],
  ["24. december 2014", D(2014, 12, 24)],
  ["24. dec 2014", D(2014, 12, 24)],
  ["29.02.2024", D(2024, 2, 29)],
  ["1/1-69", D(2069, 1, 1)],
  ["1/1-70", D(1970, 1, 1)],
  ["31/12-99", D(1999, 12, 31)],
  ["1/1-00", D(2000, 1, 1)],
  ["5.6.07", D(2007, 6, 5)],
  ["5-6-07", D(2007, 6, 5)],
  ["05.06.2007", D(2007, 6, 5)],
];
const NOT_DATES = ["ukendt", "?", "efterår 2022", "31.02.2023", "29.02.2023", "13/13-2023", "februar 2023", "1. foo 2023", "", "2023"];

describe("date spellings", () => {
  it("has at least 60 spellings", () => expect(DATES.length).toBeGreaterThanOrEqual(60));
  it.each(DATES)("%s", (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
    expect(parseDateCell(text)).toEqual({ kind: "value", value: expected });
  });
  it.each(NOT_DATES)("'%s' is not a date", (text) => {
    expect(parseDateText(text)).toBeNull();
    const o = parseDateCell(text);
    if (text === "") expect(o).toEqual({ kind: "value", value: null });
    else expect(o).toMatchObject({ kind: "unparsed", text, note: { code: "DATO_UKENDT", severity: "fejl" } });
  });
  it("reads serials with a date format, plausible serials without, and yyyymmdd numbers", () => {
    expect(parseDateCell(44958, "dd-mm-yyyy")).toEqual({ kind: "value", value: 44958 });
    expect(parseDateCell(44958.5, "dd-mm-yyyy hh:mm")).toEqual({ kind: "value", value: 44958 });
    expect(parseDateCell(44958, null)).toEqual({ kind: "value", value: 44958 });
    expect(parseDateCell(44958, "[$-406]d. mmmm yyyy;@")).toEqual({ kind: "value", value: 44958 });
    expect(parseDateCell(20230201, null)).toEqual({ kind: "value", value: D(2023, 2, 1) });
    expect(parseDateCell(12, null)).toMatchObject({ kind: "unparsed", note: { code: "DATO_UKENDT" } });
    expect(parseDateCell(12, "dd-mm-yyyy")).toMatchObject({ kind: "value", value: 12, note: { code: "DATO_USANDSYNLIG" } });
    expect(parseDateCell(true)).toMatchObject({ kind: "unparsed", text: "SAND" });
  });
});

const CPRS: [string | number, string, string | null][] = [
  ["010203-1234", "010203-1234", null],
  ["0102031234", "010203-1234", null],
  ["010203 1234", "010203-1234", null],
  [" 010203-1234 ", "010203-1234", null],
  ["010203.1234", "010203-1234", null],
  ["10203-1234", "010203-1234", "CPR_GENDANNET"],
  ["102031234", "010203-1234", "CPR_GENDANNET"],
  [102031234, "010203-1234", "CPR_GENDANNET"],
  [1102031234, "110203-1234", null],
  ["311299-4001", "311299-4001", null],
  ["290200-4000", "290200-4000", null],
  ["070761-4285", "070761-4285", null],
  [707614285, "070761-4285", "CPR_GENDANNET"],
  ["0707614285", "070761-4285", null],
  ["070761-4286", "070761-4286", "CPR_MODULUS11"],
];
const BAD_CPRS: [string | number, string][] = [
  ["123456", "CPR_UGYLDIG"],
  ["ukendt", "CPR_UGYLDIG"],
  ["0000000000", "CPR_DATO_UGYLDIG"],
  ["321203-1234", "CPR_DATO_UGYLDIG"],
  ["011303-1234", "CPR_DATO_UGYLDIG"],
  [12345, "CPR_UGYLDIG"],
  ["0102-031234", "CPR_UGYLDIG"],
  [10203123.4, "CPR_UGYLDIG"],
];

describe("CPR spellings", () => {
  it.each(CPRS)("%s -> %s", (input, cpr, code) => {
    const o = parseCprCell(input, { checkModulus11: code === "CPR_MODULUS11" });
    expect(o.kind).toBe("value");
    if (o.kind !== "value") return;
    expect(o.value).toBe(cpr);
    expect(o.note?.code ?? null).toBe(code);
  });
  it.each(BAD_CPRS)("%s is kept as text", (input, code) => {
    expect(parseCprCell(input)).toMatchObject({ kind: "unparsed", text: String(input), note: { code, severity: "fejl" } });
  });
});

const NUMBERS: [string, number][] = [
  ["1234", 1234],
  ["1234,5", 1234.5],
  ["1.234,56", 1234.56],
  ["1 234,56", 1234.56],
  ["1.234", 1234],
  ["1.234.567", 1234567],
  ["0,75", 0.75],
  ["-12,5", -12.5],
  ["−12,5", -12.5],
  ["129.441 kr.", 129441],
  ["kr. 105.465", 105465],
  ["105.465,00 kr", 105465],
  ["94,18 %", 0.9418],
  ["75%", 0.75],
  ["1,234,567", 1234567],
  ["1234.5", 1234.5],
  ["2.325,-", 2325],
  ["+5", 5],
  ["12 232 174,50", 12232174.5],
  ["0.5", 0.5],
];
const NOT_NUMBERS = ["abc", "1,2,3", "12-3", "", "kr."];

describe("number spellings", () => {
  it.each(NUMBERS)("%s -> %d", (text, n) => expect(parseNumberText(text)).toBeCloseTo(n, 10));
  it.each(NOT_NUMBERS)("'%s' is not a number", (text) => expect(parseNumberText(text)).toBeNull());
});

const ENUMS: [string, string, string][] = [
  ["Lovgrundlag", "§103", "§103"],
  ["Lovgrundlag", "§ 103", "§103"],
  ["Lovgrundlag", "SEL 103", "§103"],
  ["Lovgrundlag", "103", "§103"],
  ["Lovgrundlag", "SEL § 103", "§103"],
  ["Lovgrundlag", "Beskyttet beskæftigelse", "§103"],
  ["Lovgrundlag", "§104", "§104"],
  ["Lovgrundlag", "104", "§104"],
  ["Lovgrundlag", "Servicelovens § 104", "§104"],
  ["Lovgrundlag", "aktivitets- og samværstilbud", "§104"],
  ["Lovgrundlag", "LAB", "LAB"],
  ["Lovgrundlag", "lab-loven", "LAB"],
  ["Lovgrundlag", "STU", "STU"],
  ["Lovgrundlag", "vsu", "VSU"],
  ["Lovgrundlag", "Andet", "Andet"],
  ["Pladstype", "FT", "Fuldtid"],
  ["Pladstype", "fuld tid", "Fuldtid"],
  ["Pladstype", "Fuldtid", "Fuldtid"],
  ["Pladstype", "FULDTID", "Fuldtid"],
  ["Pladstype", "Heltid", "Fuldtid"],
  ["Pladstype", "DT", "Deltid"],
  ["Pladstype", "del tid", "Deltid"],
  ["Pladstype", "deltid", "Deltid"],
  ["Pladstype", "Halvtid", "Deltid"],
  ["Henviser", "Jobcenter", "Jobcenter"],
  ["Henviser", "JC", "Jobcenter"],
  ["Henviser", "jobcentret", "Jobcenter"],
  ["Henviser", "Myndighed", "Myndighed (socialafdeling)"],
  ["Henviser", "Socialafdelingen", "Myndighed (socialafdeling)"],
  ["Henviser", "Egen henvendelse", "Egen henvendelse"],
  ["Henviser", "Selv", "Egen henvendelse"],
  ["Henviser", "Anden kommune", "Anden kommune"],
  ["Udskrivningsårsag", "Uddannelse", "Uddannelse"],
  ["Udskrivningsårsag", "udd.", "Uddannelse"],
  ["Udskrivningsårsag", "Praktik", "Praktik"],
  ["Udskrivningsårsag", "Job", "Beskæftigelse"],
  ["Udskrivningsårsag", "Ordinær beskæftigelse", "Beskæftigelse"],
  ["Udskrivningsårsag", "Beskaeftigelse", "Beskæftigelse"],
  ["Udskrivningsårsag", "Udeblevet", "Udeblivelse"],
  ["Udskrivningsårsag", "Fraflyttet", "Flytning"],
  ["Udskrivningsårsag", "Andet tilbud", "Anden indsats"],
  ["Udskrivningsårsag", "Syg", "Sygdom"],
  ["Udskrivningsårsag", "Død", "Død"],
  ["Udskrivningsårsag", "Eget ønske", "Afbrudt (eget ønske)"],
  ["Udskrivningsårsag", "afbrudt (eget ønske)", "Afbrudt (eget ønske)"],
  ["Udskrivningsårsag", "Andet", "Andet"],
  ["Forsørgelsesgrundlag", "Dagpenge", "Arbejdsløshedsdagpenge"],
  ["Forsørgelsesgrundlag", "A-dagpenge", "Arbejdsløshedsdagpenge"],
  ["Forsørgelsesgrundlag", "SU", "SU"],
  ["Forsørgelsesgrundlag", "Ledighedsydelse", "Ledighedsydelse"],
  ["Forsørgelsesgrundlag", "Flexjob", "Fleksjob"],
  ["Forsørgelsesgrundlag", "SDP", "Sygedagpenge"],
  ["Forsørgelsesgrundlag", "Kontanthjælp", "Kontanthjælp/uddannelseshjælp"],
  ["Forsørgelsesgrundlag", "Uddannelseshjælp", "Kontanthjælp/uddannelseshjælp"],
  ["Forsørgelsesgrundlag", "Revalidering", "Revalideringsydelse"],
  ["Forsørgelsesgrundlag", "Ressourceforløb", "Ressourceforløb"],
  ["Forsørgelsesgrundlag", "FØP", "Førtidspension"],
  ["Forsørgelsesgrundlag", "Folkepension", "Folkepension"],
  ["Forsørgelsesgrundlag", "Løn", "Løn"],
  ["Forsørgelsesgrundlag", "Familie", "Fra venner og familie"],
];

describe("list value spellings", () => {
  it("has at least 60 spellings", () => expect(ENUMS.length).toBeGreaterThanOrEqual(60));
  it.each(ENUMS)("%s: %s -> %s", (list, text, value) => {
    const o = parseListCell(text, list, buildListLookup(list));
    expect(o).toMatchObject({ kind: "value", value });
  });
  it("reads a number cell as its text (103 -> §103)", () => {
    expect(parseListCell(103, "Lovgrundlag", buildListLookup("Lovgrundlag"))).toMatchObject({ kind: "value", value: "§103" });
  });
  it("flags a near spelling as interpreted and keeps an unknown value as text", () => {
    expect(parseListCell("Beskæftigese", "Udskrivningsårsag", buildListLookup("Udskrivningsårsag"))).toMatchObject({
      value: "Beskæftigelse",
      note: { code: "VAERDI_TOLKET" },
    });
    expect(parseListCell("Ved ikke", "Udskrivningsårsag", buildListLookup("Udskrivningsårsag"))).toMatchObject({
      kind: "unparsed",
      text: "Ved ikke",
      note: { code: "VAERDI_UKENDT" },
    });
  });
  it("accepts values the user added to a list", () => {
    expect(parseListCell("Seniorjob", "Forsørgelsesgrundlag", buildListLookup("Forsørgelsesgrundlag", ["Seniorjob"]))).toMatchObject({
      kind: "value",
      value: "Seniorjob",
    });
  });
});

const YESNO: [string | number | boolean | null, string | null][] = [
  ["Ja", "Ja"],
  ["ja", "Ja"],
  ["JA", "Ja"],
  ["X", "Ja"],
  ["x", "Ja"],
  [1, "Ja"],
  ["1", "Ja"],
  [true, "Ja"],
  ["J", "Ja"],
  ["Nej", "Nej"],
  ["nej", "Nej"],
  [0, "Nej"],
  ["0", "Nej"],
  [false, "Nej"],
  ["N", "Nej"],
  [null, null],
  ["", null],
  [" ", null],
];

describe("yes/no spellings", () => {
  it.each(YESNO)("%s -> %s", (v, out) => expect(parseYesNoCell(v)).toEqual({ kind: "value", value: out }));
  it("keeps an unknown answer", () => expect(parseYesNoCell("måske")).toMatchObject({ kind: "unparsed", note: { code: "JANEJ_UKENDT" } }));
});

describe("content sniffing", () => {
  it("maps an unheaded CPR column and a column of list values", () => {
    const cells = [
      ["Navn", "Nummer", "Enhed", "Startdato", "Ordning"],
      ["Anne", "0102031234", "Kilen", "01-02-2023", "§ 103"],
      ["Bo", 1102031234, "Kilen", "02-02-2023", "SEL 104"],
      ["Carl", "120304-1234", "Kilen", "03-02-2023", "103"],
      ["Dorte", "130405-1234", "Kilen", "04-02-2023", "LAB"],
    ];
    const grid = { name: "Ark1", cells, merges: [], hiddenRows: [], hiddenCols: [] };
    const region = detectCaseList(grid, 0)!;
    const m = mapRegion(grid, region);
    expect(m.map((c) => c.target)).toEqual(["Navn", "CPR", "Enhed", "Indskrevet", "Lovgrundlag"]);
    expect(m[1].reason).toMatch(/CPR-numre/);
    expect(m[1].confidence).toBeGreaterThan(0.5);
    expect(m[4].reason).toMatch(/Lovgrundlag/);
  });
});

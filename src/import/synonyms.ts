// What Danish case lists call each `Sager` column, and how they write the values of each list.
// Kept as plain spellings; the lookup maps are built once at module load from their normalised forms.
import { FORSOERGELSESGRUNDLAG, HENVISERE, LOVGRUNDLAG, PLADSTYPER, UDSKRIVNINGSAARSAGER } from "../domain/enums";
import { compact, normaliseHeader, normaliseValue } from "./normalise";

/** A spelling, optionally with a weight below 1 when the word is ambiguous ("Nr", "Start"). */
type Spelling = string | [string, number];

export const HEADER_SYNONYMS: Record<string, Spelling[]> = {
  "Sags-ID": [
    "Sags-ID",
    "Sagsid",
    "Sags id",
    "Sagsnr",
    "Sagsnr.",
    "Sagsnummer",
    "Sag nr",
    "Sag nr.",
    "Forløbs-ID",
    "Forløbsnr",
    "Forløbsnummer",
    "Journalnr",
    "Journalnummer",
    "ID",
    ["Nr", 0.7],
    ["Nr.", 0.7],
    ["Løbenr", 0.7],
    ["Løbenummer", 0.7],
    ["Sag", 0.7],
  ],
  CPR: [
    "CPR",
    "CPR-nr",
    "CPR-nr.",
    "CPR nr",
    "CPR-nummer",
    "CPR nummer",
    "Cprnr",
    "Cpr.nr.",
    "Personnummer",
    "Person nr",
    "Personnr",
    "Personnr.",
    "Borgers CPR",
    "CPR borger",
    "Borger CPR",
    "Personnummer (CPR)",
    "Cpr-no",
  ],
  Navn: [
    "Navn",
    "Borger",
    "Borgernavn",
    "Borgers navn",
    "Borger navn",
    "Fulde navn",
    "Fuldt navn",
    "Deltager",
    "Deltagernavn",
    "Elev",
    "Bruger",
    "Kursist",
    "For- og efternavn",
    "Fornavn og efternavn",
    "Efternavn, fornavn",
    "Efternavn og fornavn",
    "Name",
    "Navn på borger",
    ["Person", 0.8],
  ],
  Enhed: [
    "Enhed",
    "Værksted",
    "Værksteder",
    "Afdeling",
    "Tilbud",
    "Tilbudssted",
    "Arbejdssted",
    "Enhed/værksted",
    "Værksted/afdeling",
    "Unit",
    ["Sted", 0.8],
    ["Team", 0.8],
    ["Gruppe", 0.8],
    ["Hold", 0.8],
    ["Aktivitet", 0.7],
    ["Placering", 0.8],
    ["Linje", 0.7],
  ],
  Lovgrundlag: [
    "Lovgrundlag",
    "Paragraf",
    "§",
    "Lovparagraf",
    "Hjemmel",
    "Lovhjemmel",
    "Bevillingsparagraf",
    "SEL §",
    "Paragraf (SEL)",
    "Tilbudstype",
    ["Lov", 0.8],
    ["Ordning", 0.7],
    ["Målgruppe", 0.6],
  ],
  Pladstype: [
    "Pladstype",
    "Type plads",
    "Plads type",
    "Fuld/deltid",
    "Fuldtid/deltid",
    "Fuld- eller deltid",
    "FT/DT",
    "Pladsstørrelse",
    "Omfang",
    ["Plads", 0.8],
    ["Tid", 0.6],
  ],
  Henviser: [
    "Henviser",
    "Henvist af",
    "Henvisende",
    "Henvisende instans",
    "Henvisning",
    "Henvisningskilde",
    "Visiteret af",
    "Kommer fra",
    "Indskrivning Henviser",
    "Henvist fra",
  ],
  Visitationsdato: [
    "Visitationsdato",
    "Visitations dato",
    "Visiteret",
    "Visiteret dato",
    "Dato for visitation",
    "Visitation dato",
    "Bevillingsdato",
    "Afgørelsesdato",
    "Bevilget dato",
    ["Visitation", 0.8],
    ["Bevilget", 0.8],
  ],
  Indskrevet: [
    "Indskrevet",
    "Indskrivningsdato",
    "Indskrivnings dato",
    "Indskr. dato",
    "Indskr.dato",
    "Indskr.",
    "Startdato",
    "Start dato",
    "Opstart",
    "Opstartsdato",
    "Dato for indskrivning",
    "Indskrivning Dato",
    "Indskrevet dato",
    "Påbegyndt",
    "Fra dato",
    "Startet",
    "Første dag",
    "Første fremmødedag",
    "Start date",
    "Startdate",
    "Begin date",
    "Fra og med",
    ["Periode", 0.8],
    ["Forløbsperiode", 0.8],
    ["Indskrivningsperiode", 0.85],
    ["Start", 0.9],
    ["Indskrivning", 0.9],
    ["Fra", 0.7],
    ["Ind", 0.7],
    ["Begyndt", 0.8],
  ],
  Udskrevet: [
    "Udskrevet",
    "Udskrivningsdato",
    "Udskrivnings dato",
    "Udskr. dato",
    "Udskr.dato",
    "Udskr.",
    "Slutdato",
    "Slut dato",
    "Stopdato",
    "Ophørsdato",
    "Dato for udskrivning",
    "Udskrivning Dato",
    "Udskrevet dato",
    "Til dato",
    "Afsluttet",
    "Sidste dag",
    "Sidste fremmødedag",
    "End date",
    "Enddate",
    "Stop date",
    "Til og med",
    ["Slut", 0.9],
    ["Stop", 0.8],
    ["Ophør", 0.9],
    ["Udskrivning", 0.9],
    ["Til", 0.7],
    ["Ud", 0.7],
  ],
  Udskrivningsårsag: [
    "Udskrivningsårsag",
    "Udskrivnings årsag",
    "Udskr. årsag",
    "Årsag til udskrivning",
    "Udskrivning Årsag",
    "Ophørsårsag",
    "Afslutningsårsag",
    "Stopårsag",
    "Slutårsag",
    "Årsag (udskrivning)",
    "Hvorfor stoppet",
    ["Årsag", 0.9],
    ["Grund", 0.8],
  ],
  Forsørgelsesgrundlag: [
    "Forsørgelsesgrundlag",
    "Forsørgelse",
    "Forsørgelsesgr.",
    "Forsørgelsesydelse",
    "Forsørgelses grundlag",
    "Indtægtsgrundlag",
    "Offentlig ydelse",
    "Indkomstgrundlag",
    ["Ydelse", 0.9],
    ["Indkomst", 0.8],
  ],
  Jobcenterforløb: [
    "Jobcenterforløb",
    "Jobcenter forløb",
    "JC-forløb",
    "JC forløb",
    "Aktivt jobcenterforløb",
    "I jobcenterforløb",
    "Jobcentersag",
    ["Jobcenter", 0.9],
    ["JC", 0.8],
  ],
  Kontaktperson: [
    "Kontaktperson",
    "Kontakt person",
    "Primær kontaktperson",
    "Kontaktpædagog",
    "Tovholder",
    "Koordinator",
    "Ansvarlig",
    "Ansvarlig medarbejder",
    "Vejleder",
    "Mentor",
    ["Kontakt", 0.9],
    ["KP", 0.8],
    ["Pædagog", 0.8],
  ],
  Bemærkninger: [
    "Bemærkninger",
    "Bemærkning",
    "Bem.",
    "Bem",
    "Note",
    "Noter",
    "Notat",
    "Kommentar",
    "Kommentarer",
    "Noter/bemærkninger",
    "Diverse",
    ["Info", 0.8],
    ["Andet", 0.6],
  ],
};

export interface HeaderSynonym {
  column: string;
  normalised: string;
  /** The normalised words, split once: every header text is tested against every synonym's words. */
  tokens: readonly string[];
  compact: string;
  weight: number;
}

export const HEADER_SYNONYM_LIST: readonly HeaderSynonym[] = Object.entries(HEADER_SYNONYMS).flatMap(([column, spellings]) =>
  spellings.map((s) => {
    const [text, weight] = typeof s === "string" ? [s, 1] : s;
    const normalised = normaliseHeader(text);
    return { column, normalised, tokens: normalised.split(" "), compact: compact(normalised), weight };
  })
);

/** Exact lookup by compact normalised header; the first spelling listed wins a clash. */
export const HEADER_BY_COMPACT: ReadonlyMap<string, HeaderSynonym> = (() => {
  const m = new Map<string, HeaderSynonym>();
  for (const s of HEADER_SYNONYM_LIST) if (!m.has(s.compact)) m.set(s.compact, s);
  return m;
})();

/** Value spellings per list (the canonical value is always accepted too). */
export const VALUE_SYNONYMS: Record<string, Record<string, string[]>> = {
  Lovgrundlag: {
    "§103": ["§ 103", "SEL 103", "SEL §103", "SEL § 103", "103", "Serviceloven § 103", "Servicelovens § 103", "Beskyttet beskæftigelse", "BB"],
    "§104": [
      "§ 104",
      "SEL 104",
      "SEL §104",
      "SEL § 104",
      "104",
      "Serviceloven § 104",
      "Servicelovens § 104",
      "Aktivitets- og samværstilbud",
      "Samværstilbud",
      "AST",
    ],
    LAB: ["LAB-loven", "Lov om en aktiv beskæftigelsesindsats", "Beskæftigelsesindsats", "Jobcenter", "Jobcenterforløb"],
    STU: ["Særligt tilrettelagt ungdomsuddannelse", "STU-forløb"],
    VSU: ["Specialundervisning for voksne", "Voksenspecialundervisning"],
    Andet: ["Andre", "Øvrige", "Anden"],
  },
  Pladstype: {
    Fuldtid: ["FT", "Fuld tid", "Fuld", "Heltid", "Hel tid", "Fuldtidsplads", "Fuld plads", "37 timer"],
    Deltid: ["DT", "Del tid", "Del", "Deltidsplads", "Halvtid", "Halv tid", "Del plads"],
  },
  Henviser: {
    Jobcenter: ["JC", "Jobcentret", "Jobcenteret", "Jobcenter (LAB)", "Jobcentre"],
    "Myndighed (socialafdeling)": [
      "Myndighed",
      "Socialafdeling",
      "Socialafdelingen",
      "Socialforvaltning",
      "Socialforvaltningen",
      "Myndighedsafdeling",
      "Sagsbehandler",
    ],
    "Egen henvendelse": ["Egen", "Selv", "Selvhenvendt", "Selvhenvender", "Borger selv", "Egen henv."],
    "Anden kommune": ["Anden kommune", "Andre kommuner", "Udenbys", "Fremmed kommune"],
    Andet: ["Andre", "Øvrige", "Anden"],
  },
  Udskrivningsårsag: {
    Uddannelse: ["Udd.", "Udd", "Påbegyndt uddannelse", "Startet på uddannelse", "Studie", "Skole", "Uddannelse/skole"],
    Praktik: ["I praktik", "Praktikplads", "Virksomhedspraktik"],
    Beskæftigelse: ["Job", "Arbejde", "Ordinær beskæftigelse", "Ansat", "Ansættelse", "Fået job", "Ordinært job"],
    Udeblivelse: ["Udeblevet", "Udeblev", "Udeblivelser", "Fravær", "Ophørt pga. fravær", "Mødte ikke op"],
    Flytning: ["Flyttet", "Fraflyttet", "Fraflytning", "Flyttet kommune"],
    "Anden indsats": ["Andet tilbud", "Andet forløb", "Anden foranstaltning", "Overgået til anden indsats", "Ny indsats"],
    Sygdom: ["Syg", "Sygemeldt", "Sygemelding", "Helbred"],
    Død: ["Afgået ved døden", "Død", "Afdød", "Dødsfald"],
    "Afbrudt (eget ønske)": ["Eget ønske", "Afbrudt", "Stoppet selv", "Ønsker ikke at fortsætte", "Afbrudt eget ønske", "Selv stoppet", "Frameldt"],
    Andet: ["Andre", "Øvrige", "Anden"],
  },
  Forsørgelsesgrundlag: {
    Arbejdsløshedsdagpenge: ["Dagpenge", "A-dagpenge", "A dagpenge", "Arbejdsløshedsdagpenge", "ADP"],
    SU: ["Statens uddannelsesstøtte", "SU-lån"],
    Ledighedsydelse: ["Ledighedsydelse", "LY"],
    Fleksjob: ["Flexjob", "Fleks job", "Fleksjobber"],
    Sygedagpenge: ["Sygedagpenge", "SDP", "Syge dagpenge"],
    "Kontanthjælp/uddannelseshjælp": [
      "Kontanthjælp",
      "Uddannelseshjælp",
      "KH",
      "UH",
      "Kontant hjælp",
      "Kontanthjælp / uddannelseshjælp",
      "Selvforsørgelses- og hjemrejseydelse",
    ],
    Revalideringsydelse: ["Revalidering", "Reva"],
    Ressourceforløb: ["Ressourceforløbsydelse", "RF", "Ressource forløb"],
    Førtidspension: ["FØP", "Førtids pension", "Fortidspension", "FP"],
    Folkepension: ["Folke pension", "Alderspension"],
    Løn: ["Lønindkomst", "Lønmodtager", "Egen løn"],
    "Fra venner og familie": ["Familie", "Forsørget af familie", "Venner og familie"],
    Andet: ["Andre", "Øvrige", "Anden"],
  },
};

const LIST_VALUES: Record<string, readonly string[]> = {
  Lovgrundlag: LOVGRUNDLAG,
  Pladstype: PLADSTYPER,
  Henviser: HENVISERE,
  Udskrivningsårsag: UDSKRIVNINGSAARSAGER,
  Forsørgelsesgrundlag: FORSOERGELSESGRUNDLAG,
};

export interface ListLookup {
  /** The list's values in their canonical spelling. */
  values: readonly string[];
  /** Normalised spelling -> canonical value. */
  exact: Map<string, string>;
  /** Compact normalised canonical values and synonyms for fuzzy matching, longest first. */
  fuzzy: { compact: string; value: string }[];
}

/** Build the lookup for a list, with extra user values (from `Lister`) accepted as they are. */
export function buildListLookup(list: string, extraValues: readonly string[] = []): ListLookup {
  const values = [...(LIST_VALUES[list] ?? []), ...extraValues.filter((v) => !(LIST_VALUES[list] ?? []).includes(v))];
  const exact = new Map<string, string>();
  const fuzzy: { compact: string; value: string }[] = [];
  const add = (spelling: string, value: string) => {
    const n = normaliseValue(spelling);
    if (n === "") return;
    if (!exact.has(n)) exact.set(n, value);
    const c = compact(n);
    if (!exact.has(c)) exact.set(c, value);
    if (c.length >= 4) fuzzy.push({ compact: c, value });
  };
  for (const v of values) add(v, v);
  for (const [value, spellings] of Object.entries(VALUE_SYNONYMS[list] ?? {})) {
    if (!values.includes(value)) continue;
    for (const s of spellings) add(s, value);
  }
  return { values, exact, fuzzy };
}

export const ENUM_LISTS = Object.keys(LIST_VALUES);

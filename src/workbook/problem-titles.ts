// A Danish title per finding code, for the Problemer sheet: the code (stable ASCII, for filtering) stays
// in its own narrow column; a person reads the title and the message.

export const PROBLEM_TITLES: Record<string, string> = {
  AARSAG_UDEN_UDSKRIVNING: "Udskrivningsårsag uden udskrivning",
  AFSLAG_UDEN_BEGRUNDELSE: "Afslag uden begrundelse",
  AFSLAG_UDEN_KLAGEVEJLEDNING: "Afslag uden klagevejledning",
  ARK_IKKE_MEDTAGET: "Ark ikke medtaget",
  ARK_UDEN_OVERSKRIFT: "Ark uden overskrifter",
  BESLUTNING_FOER_HENVENDELSE: "Beslutning før henvendelse",
  BESLUTNING_UDEN_DATO: "Beslutning uden dato",
  CELLER_UDEN_FOR_TABEL: "Celler uden for tabellen",
  CPR_DATO_UGYLDIG: "CPR-nummer med ugyldig dato",
  CPR_DOBBELT_AKTIV: "Samme CPR-nummer i to aktive sager",
  CPR_GENDANNET: "CPR-nummer gendannet",
  CPR_MODULUS11: "CPR-nummer fejler kontrolcifret",
  CPR_UGYLDIG: "Ugyldigt CPR-nummer",
  DATO_UKENDT: "Dato kan ikke læses",
  DATO_USANDSYNLIG: "Usandsynlig dato",
  ENHED_MANGLER: "Enhed mangler",
  ENHED_STAVEMAADE: "Enhed stavet anderledes",
  ENHED_UKENDT: "Ukendt enhed",
  FREMMOEDE_UKENDT_BORGER: "Fremmøde for ukendt borger",
  FREMMOEDE_UKENDT_KODE: "Ukendt fremmødekode",
  INDSKREVET_MANGLER: "Indskrivningsdato mangler",
  INGEN_OVERSKRIFT: "Ingen overskrift fundet",
  INTEGRITET_FORMEL_AENDRET: "Formel ændret",
  INTEGRITET_FORMEL_OVERSKREVET: "Formel overskrevet med en værdi",
  INTEGRITET_IKKE_SORTERET: "Tabel ikke sorteret efter sag",
  INTEGRITET_KOLONNE_MANGLER: "Kolonne mangler",
  INTEGRITET_NAVN_BRUDT: "Navn virker ikke",
  INTEGRITET_NAVN_MANGLER: "Navn mangler",
  INTEGRITET_OPSAETNING: "Opsætning uden for det tilladte",
  INTEGRITET_TABEL_MANGLER: "Tabel mangler",
  JANEJ_UKENDT: "Hverken ja eller nej",
  KOLONNE_MANGLER: "Kolonne mangler",
  KOLONNE_USIKKER: "Usikker kolonnetilknytning",
  NOTE_UDELADT: "Note udeladt",
  OVERSKRIFT_GENTAGET: "Overskrift gentaget",
  SAGSID_DUBLET: "Sags-ID findes to gange",
  SAGSID_GENERERET: "Sags-ID dannet automatisk",
  SKJULT_KOLONNE: "Skjult kolonne",
  SKJULT_RAEKKE: "Skjult række",
  START_FOER_BESLUTNING: "Start før beslutning",
  TAL_UKENDT: "Tal kan ikke læses",
  TOM_PROJEKTMAPPE: "Tom projektmappe",
  TOTALRAEKKE_UDELADT: "Totalrække udeladt",
  UDSKREVET_FOER_INDSKREVET: "Udskrevet før indskrevet",
  UDSKRIVNINGSAARSAG_MANGLER: "Udskrivningsårsag mangler",
  UGYLDIG_TILKNYTNING: "Ugyldig kolonnetilknytning",
  VAERDI_TOLKET: "Værdi tolket",
  VAERDI_UKENDT: "Værdi ikke på listen",
};

/** The title of a code; an unknown code reads as words ("NY_REGEL" -> "Ny regel"). */
export function problemTitle(code: string): string {
  const known = PROBLEM_TITLES[code];
  if (known) return known;
  const words = code.toLowerCase().replace(/_/g, " ").replace(/aa/g, "å").replace(/oe/g, "ø").replace(/ae/g, "æ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Office.js failures -> one error type with a Danish message and whether trying again can help.
// The task pane shows `message` as it is; `retry` decides whether it offers a "Prøv igen" button.

export class SagslisteExcelError extends Error {
  /** True when the same action may succeed if the user does what the message says and tries again. */
  readonly retry: boolean;
  /** The Office.js error code (or our own), for logs and tests. */
  readonly code: string;
  constructor(message: string, options: { retry: boolean; code: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "SagslisteExcelError";
    this.retry = options.retry;
    this.code = options.code;
  }
}

/** Our own error for a host without a requirement set the action needs. */
export function missingRequirement(set: string, version: string, what: string): SagslisteExcelError {
  return new SagslisteExcelError(
    `Denne version af Excel kan ikke ${what} (kræver ${set} ${version}). Opdater Excel, eller brug Excel på nettet eller Microsoft 365.`,
    { retry: false, code: "RequirementSetMissing" }
  );
}

interface Mapping {
  codes: string[];
  retry: boolean;
  message: (original: string) => string;
}

const MAPPINGS: Mapping[] = [
  {
    codes: ["InvalidOperationInCellEditMode"],
    retry: true,
    message: () => "Excel er i redigeringstilstand. Tryk Enter eller Esc i cellen, og prøv igen.",
  },
  {
    // A request over Excel on the web's ~5 MB limit: trying the same again sends the same request.
    codes: ["RequestPayloadSizeLimitExceeded", "PayloadTooLarge"],
    retry: false,
    message: () => "Ændringen er for stor til, at Excel kan modtage den på én gang. Prøv i Excel på computeren, eller del sagslisten op i mindre dele.",
  },
  {
    codes: ["ResponsePayloadSizeLimitExceeded"],
    retry: false,
    message: () => "Der er for mange data til, at Excel kan sende dem på én gang. Prøv i Excel på computeren, eller fjern ubrugte rækker og kolonner.",
  },
  {
    codes: ["ApiNotFound", "NotImplemented", "UnsupportedOperation"],
    retry: false,
    message: () =>
      "Denne version af Excel understøtter ikke en funktion, som tilføjelsesprogrammet bruger. Opdater Excel, eller brug Excel på nettet eller Microsoft 365.",
  },
  {
    codes: ["AccessDenied", "WorkbookProtected", "SheetProtected"],
    retry: true,
    message: () =>
      "Projektmappen eller arket er beskyttet, så tilføjelsesprogrammet må ikke ændre det. Fjern beskyttelsen (Gennemse > Fjern beskyttelse), og prøv igen.",
  },
  {
    codes: ["ItemAlreadyExists"],
    retry: false,
    message: () =>
      "Et ark, en tabel eller et navn, som tilføjelsesprogrammet vil oprette, findes allerede i projektmappen. Omdøb eller slet det, og prøv igen.",
  },
  {
    codes: ["Conflict", "EditConflict", "ActivityLimitReached", "ServiceNotAvailable", "Timeout", "RequestAborted"],
    retry: true,
    message: () => "Excel er optaget lige nu (fx fordi en anden redigerer projektmappen). Vent et øjeblik, og prøv igen.",
  },
];

/** The Office.js error code of an error ("ItemNotFound" …), "" when it has none. */
export function codeOf(e: unknown): string {
  if (typeof e === "object" && e !== null) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return "";
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string") {
    return (e as { message: string }).message;
  }
  return String(e);
}

function codeFromMessage(message: string): string | null {
  if (/payload size/i.test(message)) return "RequestPayloadSizeLimitExceeded";
  if (/cell[- ]edit mode|editing a cell/i.test(message)) return "InvalidOperationInCellEditMode";
  if (/\bprotected\b/i.test(message)) return "AccessDenied";
  return null;
}

/** Any error thrown inside an Excel.run, as a SagslisteExcelError (ours pass through unchanged). */
export function toSagslisteError(e: unknown): SagslisteExcelError {
  if (e instanceof SagslisteExcelError) return e;
  const code = codeOf(e);
  const original = messageOf(e);
  // Some hosts report the payload limit, edit mode or protection only in the message, with a generic code.
  const effective = code === "GeneralException" || code === "InvalidOperation" ? (codeFromMessage(original) ?? code) : code;
  const mapping = MAPPINGS.find((m) => m.codes.includes(effective));
  if (mapping) return new SagslisteExcelError(mapping.message(original), { retry: mapping.retry, code: effective, cause: e });
  return new SagslisteExcelError(`Excel kunne ikke udføre handlingen: ${original || "ukendt fejl"}${code ? ` (${code})` : ""}. Prøv igen.`, {
    retry: true,
    code: code || "Unknown",
    cause: e,
  });
}

/** Run an Office.js action and turn whatever it throws into a SagslisteExcelError. */
export async function withExcelErrors<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (e) {
    throw toSagslisteError(e);
  }
}

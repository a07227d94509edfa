// Office.js errors -> Danish messages with a retry hint, checked directly and through the fake,
// where a sync fails with an OfficeExtension.Error-like {code, message} as in Excel.
import { applyPlan } from "../../src/adapters/officejs/apply-plan";
import { SagslisteExcelError, toSagslisteError, missingRequirement } from "../../src/adapters/officejs/errors";
import { createOfficePort } from "../../src/adapters/officejs/port";
import { readGrids } from "../../src/adapters/officejs/read-grids";
import { FakeExcel, fakeRun } from "../support/fake-excel";
import { samplePlan } from "./plan-fixture";

const EDIT_MODE = "Excel er i redigeringstilstand. Tryk Enter eller Esc i cellen, og prøv igen.";

const cases: { code: string; retry: boolean; contains: string }[] = [
  { code: "InvalidOperationInCellEditMode", retry: true, contains: EDIT_MODE },
  { code: "RequestPayloadSizeLimitExceeded", retry: false, contains: "for stor" },
  { code: "PayloadTooLarge", retry: false, contains: "for stor" },
  { code: "ResponsePayloadSizeLimitExceeded", retry: false, contains: "for mange data" },
  { code: "ApiNotFound", retry: false, contains: "understøtter ikke" },
  { code: "AccessDenied", retry: true, contains: "beskyttet" },
  { code: "ItemAlreadyExists", retry: false, contains: "findes allerede" },
  { code: "Conflict", retry: true, contains: "optaget" },
  { code: "ActivityLimitReached", retry: true, contains: "optaget" },
];

describe("toSagslisteError", () => {
  test.each(cases)("$code", ({ code, retry, contains }) => {
    const e = toSagslisteError({ code, message: "original text" });
    expect(e).toBeInstanceOf(SagslisteExcelError);
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toContain(contains);
    expect(e.retry).toBe(retry);
    expect(e.code).toBe(code);
  });

  test("edit mode has exactly the agreed message", () => {
    expect(toSagslisteError({ code: "InvalidOperationInCellEditMode", message: "x" }).message).toBe(EDIT_MODE);
  });

  test("a payload error reported only in the message is still recognised", () => {
    const e = toSagslisteError({ code: "GeneralException", message: "The request payload size has exceeded the limit." });
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
  });

  test("the fallback keeps the original message and code", () => {
    const e = toSagslisteError({ code: "InvalidArgument", message: "The argument is invalid or missing." });
    expect(e.message).toBe("Excel kunne ikke udføre handlingen: The argument is invalid or missing. (InvalidArgument). Prøv igen.");
    expect(e.retry).toBe(true);
    const plain = toSagslisteError(new TypeError("boom"));
    expect(plain.message).toContain("boom");
    expect(plain.cause).toBeInstanceOf(TypeError);
  });

  test("our own errors pass through unchanged", () => {
    const own = missingRequirement("ExcelApi", "1.9", "læse flettede celler");
    expect(toSagslisteError(own)).toBe(own);
  });
});

describe("errors raised by Excel during a sync reach the caller mapped", () => {
  test.each(cases)("applyPlan, $code on the first sync", async ({ code, retry, contains }) => {
    const fake = new FakeExcel();
    fake.failOnSync({ code, message: `Excel said ${code}` });
    const err = (await applyPlan(samplePlan(5), fakeRun(fake), { host: fake }).catch((e: unknown) => e)) as SagslisteExcelError;
    expect(err).toBeInstanceOf(SagslisteExcelError);
    expect(err.message).toContain(contains);
    expect(err.retry).toBe(retry);
    expect(fake.tables).toHaveLength(0);
  });

  test("edit mode on the final sync of applyPlan: nothing half-written, retry succeeds", async () => {
    const fake = new FakeExcel();
    fake.failOnSync({ code: "InvalidOperationInCellEditMode", message: "Cell edit mode" }, 2);
    const err = (await applyPlan(samplePlan(5), fakeRun(fake), { host: fake }).catch((e: unknown) => e)) as SagslisteExcelError;
    expect(err.message).toBe(EDIT_MODE);
    expect(err.retry).toBe(true);
    expect(fake.sheets).toHaveLength(0);
    await applyPlan(samplePlan(5), fakeRun(fake), { host: fake });
    expect(fake.tables.map((t) => t.name)).toEqual(["Sager", "Lister"]);
  });

  test("a protected sheet refuses the write", async () => {
    const fake = new FakeExcel({ sheets: ["Sager"] });
    fake.sheet("Sager").protected = true;
    const err = (await applyPlan(samplePlan(5), fakeRun(fake), { host: fake }).catch((e: unknown) => e)) as SagslisteExcelError;
    expect(err.code).toBe("AccessDenied");
    expect(err.message).toContain("beskyttet");
  });

  test("a request over the host's size limit is mapped (the fake enforces the limit)", async () => {
    const fake = new FakeExcel();
    fake.payloadLimit = 50_000;
    const err = (await applyPlan(samplePlan(2_000), fakeRun(fake), { host: fake }).catch((e: unknown) => e)) as SagslisteExcelError;
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(err.retry).toBe(false);
  });

  test("readGrids and the port map errors too", async () => {
    const fake = new FakeExcel({ sheets: ["Ark1"] });
    fake.failOnSync({ code: "InvalidOperationInCellEditMode", message: "edit" });
    await expect(readGrids(fakeRun(fake), { host: fake })).rejects.toMatchObject({ message: EDIT_MODE, retry: true });
    fake.failOnSync({ code: "AccessDenied", message: "denied" });
    await expect(createOfficePort(fakeRun(fake)).describe()).rejects.toMatchObject({ code: "AccessDenied" });
    fake.failOnSync({ code: "Weird", message: "Noget gik galt" });
    await expect(createOfficePort(fakeRun(fake)).readTable("Sager")).rejects.toMatchObject({ message: expect.stringContaining("Noget gik galt") });
  });
});

import fc from "fast-check";
import { estimateBytes } from "../../src/adapters/officejs/apply-plan";

describe("estimateBytes", () => {
  it("is the UTF-8 size of the JSON that the request carries", () => {
    expect(estimateBytes([["Fravær", "Første dato", 1, null]])).toBe(Buffer.byteLength(JSON.stringify([["Fravær", "Første dato", 1, null]]), "utf8"));
    expect(estimateBytes(["€😀"])).toBe(2 + 2 + 3 + 4);
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string({ unit: "grapheme" }), fc.double(), fc.constant(null)))), (rows) => {
        expect(estimateBytes(rows)).toBe(Buffer.byteLength(JSON.stringify(rows), "utf8"));
      })
    );
  });
});

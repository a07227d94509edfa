// GAS T-score: the docs/domain.md worked examples and the properties of the Kiresuk-Sherman formula.
import fc from "fast-check";
import { caseGasTScore, gasTScore, gasWeight, type GasGoal } from "../../src/domain/gas";
import type { Case, Goal } from "../../src/domain/model";

const unweighted = (...scores: number[]): GasGoal[] => scores.map((score) => ({ weight: null, score }));

describe("gasTScore", () => {
  it("gives 63.69 for three unweighted goals at +1", () => {
    const t = gasTScore(unweighted(1, 1, 1)) as number;
    expect(t.toFixed(2)).toBe("63.69");
    // 50 + 30 / sqrt(0.7 * 3 + 0.3 * 9) = 50 + 30 / sqrt(4.8)
    expect(t).toBeCloseTo(63.6931, 4);
  });

  it("gives 45.59 for weights (1,2,3) with scores (+1,0,-1)", () => {
    const t = gasTScore([
      { weight: 1, score: 1 },
      { weight: 2, score: 0 },
      { weight: 3, score: -1 },
    ]) as number;
    expect(t.toFixed(2)).toBe("45.59");
  });

  it.each([
    ["no goals", [] as GasGoal[], null],
    ["only unscored goals", [{ weight: 2, score: null }], null],
    ["all weights 0", [{ weight: 0, score: 1 }], null],
    ["one goal at 0", unweighted(0), 50],
    ["one goal at +2", unweighted(2), 70],
    ["one goal at -2", unweighted(-2), 30],
  ])("%s -> %s", (_name, goals, expected) => {
    const t = gasTScore(goals);
    if (expected === null) expect(t).toBeNull();
    else expect(t).toBeCloseTo(expected, 12);
  });

  it("leaves unscored goals out and weighs an empty weight as 1", () => {
    expect(gasTScore([...unweighted(1, 1, 1), { weight: 7, score: null }])).toBe(gasTScore(unweighted(1, 1, 1)));
    expect(
      gasTScore([
        { weight: 1, score: 2 },
        { weight: null, score: -1 },
      ])
    ).toBe(gasTScore(unweighted(2, -1)));
    expect(gasWeight(null)).toBe(1);
    expect(gasWeight(2.5)).toBe(2.5);
  });

  const score = fc.constantFrom(-2, -1, 0, 1, 2);
  const weight = fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 10 }), fc.double({ min: 0.1, max: 10, noNaN: true }));
  const goals = fc.array(fc.record({ weight, score }), { minLength: 1, maxLength: 12 });

  it("is 50 when every score is 0, whatever the weights", () => {
    fc.assert(
      fc.property(goals, (gs) => {
        expect(gasTScore(gs.map((g) => ({ ...g, score: 0 })))).toBeCloseTo(50, 9);
      })
    );
  });

  it("is symmetric about 50: negating every score mirrors the T-score", () => {
    fc.assert(
      fc.property(goals, (gs) => {
        const t = gasTScore(gs) as number;
        const mirrored = gasTScore(gs.map((g) => ({ ...g, score: -g.score }))) as number;
        expect(t - 50).toBeCloseTo(-(mirrored - 50), 9);
      })
    );
  });

  it("does not depend on the order of the goals", () => {
    fc.assert(
      fc.property(goals, (gs) => {
        expect(gasTScore([...gs].reverse())).toBeCloseTo(gasTScore(gs) as number, 9);
      })
    );
  });

  it("rises when one goal's score rises", () => {
    fc.assert(
      fc.property(goals, fc.nat(), (gs, k) => {
        const i = k % gs.length;
        fc.pre(gs[i].score < 2);
        const better = gs.map((g, j) => (j === i ? { ...g, score: g.score + 1 } : g));
        expect(gasTScore(better) as number).toBeGreaterThan(gasTScore(gs) as number);
      })
    );
  });

  it("stays within 50 +/- 20 * sqrt(n / (0.7 + 0.3 n)) for n unweighted goals", () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 20 }), (xs) => {
        const bound = 20 * Math.sqrt(xs.length / (0.7 + 0.3 * xs.length));
        const t = gasTScore(unweighted(...xs)) as number;
        expect(Math.abs(t - 50)).toBeLessThanOrEqual(bound + 1e-9);
      })
    );
  });
});

describe("caseGasTScore", () => {
  const kase = (sagsId: string) => ({ sagsId }) as Case;
  const goal = (sagsId: string, vaegt: number | null, gasScore: number | null): Goal => ({ sagsId, maal: "Mål", vaegt, gasScore, dato: null });

  it("takes the case's goals, matching the id ignoring case", () => {
    const goals = [goal("S1", null, 1), goal("s1", null, 1), goal("S1", null, 1), goal("S2", 1, -2)];
    expect(caseGasTScore(kase("S1"), { goals })?.toFixed(2)).toBe("63.69");
    expect(caseGasTScore(kase("S2"), { goals })).toBeCloseTo(30, 12);
    expect(caseGasTScore(kase("S3"), { goals })).toBeNull();
  });

  it("never counts goals without a case id", () => {
    expect(caseGasTScore(kase(""), { goals: [goal("", 1, 2)] })).toBeNull();
  });
});

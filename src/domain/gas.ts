// Goal attainment scaling (GAS, docs/domain.md): a case's goals, each scored -2..+2 with a weight, combined
// into one T-score (Kiresuk and Sherman, rho = 0.3). The reference of `Sager[GAS T-score]`.
import { rowsOfCase } from "./rows-of-case";
import type { Case, Goal, StructuredData } from "./model";

/** The assumed correlation between goal scores in the Kiresuk-Sherman formula. */
export const GAS_RHO = 0.3;
export const DEFAULT_GAS_WEIGHT = 1;
export const GAS_SCORES = [-2, -1, 0, 1, 2] as const;

export interface GasGoal {
  /** Weight w_j; empty (null) means the default 1. */
  weight: number | null;
  /** Score x_j; empty (null) means not scored yet, and the goal is left out. */
  score: number | null;
}

function isNum(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/** The weight a goal counts with: its own when it is a number, else the default. */
export function gasWeight(weight: number | null): number {
  return isNum(weight) ? weight : DEFAULT_GAS_WEIGHT;
}

/**
 * T = 50 + 10 * sum(w x) / sqrt((1 - rho) * sum(w^2) + rho * (sum w)^2), over the scored goals.
 * Null when no goal is scored, or when the weights leave the denominator at 0 (all weights 0).
 */
export function gasTScore(goals: readonly GasGoal[]): number | null {
  let swx = 0;
  let sw = 0;
  let sw2 = 0;
  for (const g of goals) {
    if (!isNum(g.score)) continue;
    const w = gasWeight(g.weight);
    swx += w * g.score;
    sw += w;
    sw2 += w * w;
  }
  const denominator = (1 - GAS_RHO) * sw2 + GAS_RHO * sw * sw;
  return denominator > 0 ? 50 + (10 * swx) / Math.sqrt(denominator) : null;
}

/** A goal as it counts for its case: null when it has no case or no score. */
export function scoredGoal(g: Goal): GasGoal | null {
  if (!g.sagsId || !isNum(g.gasScore)) return null;
  return { weight: g.vaegt, score: g.gasScore };
}

/** A case's T-score over its goals in `Maal` (Sags-ID compared ignoring case, as SUMIFS does). */
export function caseGasTScore(c: Case, data: Pick<StructuredData, "goals">): number | null {
  if (!c.sagsId) return null;
  const goals = rowsOfCase(data.goals, c.sagsId).map(scoredGoal);
  return gasTScore(goals.filter((g): g is GasGoal => g !== null));
}

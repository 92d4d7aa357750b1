import type { SpecChange } from "../changes.js";
import type { SpecFacts } from "../spec-loader.js";

/** What a rule may read besides the changes: facts of both specs, `$ref`s followed. */
export interface RuleContext {
  base: SpecFacts;
  head: SpecFacts;
}

/**
 * One of our rules, for a case where Redocly's diff is silent or rates a change in a way we
 * do not want. A rule returns the full list: Redocly's changes (possibly re-rated) plus its own.
 */
export interface SpecDiffRule {
  /** `spec-diff/<name>`, printed beside each change it decides. */
  readonly id: `spec-diff/${string}`;
  /** What the rule does and why Redocly's own rating is not used, one sentence. */
  readonly reason: string;
  apply(changes: readonly SpecChange[], context: RuleContext): SpecChange[];
}

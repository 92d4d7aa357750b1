/**
 * Enum values added. Redocly 2.77.0 rates an enum value added in a request (body or parameter)
 * as patch, with no rule: but it is new input the client's types now accept, so minor. It rates a
 * value added in a response as major (`enum-values-added`); our verdict is minor, see
 * "Response enum widened" in scripts/spec-diff/README.md.
 */
import { placeOf, propertyName, type SpecChange } from "../changes.js";
import type { SpecDiffRule } from "./types.js";

function addedValues(change: SpecChange): unknown[] {
  const before = change.source?.base?.value;
  const after = change.source?.revision?.value;
  if (!Array.isArray(before) || !Array.isArray(after)) return [];
  const known = new Set(before.map((value) => JSON.stringify(value)));
  return after.filter((value) => !known.has(JSON.stringify(value)));
}

function enumMessage(change: SpecChange, values: unknown[]): string {
  const name = propertyName(change.path);
  const list = values.map((value) => `'${String(value)}'`).join(", ");
  return `Request enum${name ? ` of \`${name}\`` : ""} gained values: ${list}.`;
}

/** An enum value added in a request: Redocly says patch (no rule), we say minor. */
export const requestEnumWidened: SpecDiffRule = {
  id: "spec-diff/request-enum-widened",
  reason: "Redocly rates a request enum value added as patch; it is new accepted input, so minor.",
  apply(changes) {
    return changes.map((change) => {
      if (
        change.decidedBy !== "redocly" ||
        change.kind !== "modified" ||
        change.source?.property !== "enum" ||
        change.source.verdicts.length > 0 ||
        placeOf(change.path) !== "request"
      ) {
        return change;
      }
      const values = addedValues(change);
      if (values.length === 0) return change;
      return {
        ...change,
        impact: "minor",
        rule: this.id,
        decidedBy: "spec-diff",
        overrides: { impact: change.impact, rule: change.rule },
        message: enumMessage(change, values),
      };
    });
  },
};

/** An enum value added in a response: Redocly says major (`enum-values-added`), we say minor. */
export const responseEnumWidened: SpecDiffRule = {
  id: "spec-diff/response-enum-widened",
  reason:
    "Redocly rates a response enum value added as major; the provider sends it whatever client version is installed, so the client release that describes it is minor.",
  apply(changes) {
    return changes.map((change) => {
      const verdicts = change.source?.verdicts ?? [];
      const majors = verdicts.filter((verdict) => verdict.impact === "major");
      if (
        change.decidedBy !== "redocly" ||
        change.impact !== "major" ||
        majors.length === 0 ||
        !majors.every((verdict) => verdict.ruleId === "enum-values-added") ||
        placeOf(change.path) !== "response"
      ) {
        return change;
      }
      return {
        ...change,
        impact: "minor",
        rule: this.id,
        decidedBy: "spec-diff",
        overrides: { impact: change.impact, rule: "enum-values-added" },
      };
    });
  },
};

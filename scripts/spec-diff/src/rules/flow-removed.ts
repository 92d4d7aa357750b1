/**
 * A removed OAuth2 flow. Redocly 2.77.0 rates `removed AuthorizationCode` (any flow) as patch,
 * but clients that get tokens through that flow lose its token URL and scopes: major.
 */
import { unescapePointer } from "../changes.js";
import type { SpecDiffRule } from "./types.js";

const FLOW_PATH = /^#\/components\/securitySchemes\/([^/]+)\/flows\/([^/]+)$/;

/** Re-rates Redocly's removal of an OAuth2 flow from patch to major. */
export const flowRemoved: SpecDiffRule = {
  id: "spec-diff/flow-removed",
  reason: "Redocly rates removing an OAuth2 flow as patch; clients using that flow can no longer get tokens.",
  apply(changes) {
    return changes.map((change) => {
      const match = FLOW_PATH.exec(change.path);
      if (
        change.decidedBy !== "redocly" ||
        change.kind !== "removed" ||
        !match ||
        change.impact === "major"
      ) {
        return change;
      }
      const [, scheme = "", flow = ""] = match;
      return {
        ...change,
        impact: "major",
        rule: this.id,
        decidedBy: "spec-diff",
        overrides: { impact: change.impact, rule: change.rule },
        message: `OAuth flow \`${unescapePointer(flow)}\` of security scheme \`${unescapePointer(scheme)}\` was removed.`,
      };
    });
  },
};

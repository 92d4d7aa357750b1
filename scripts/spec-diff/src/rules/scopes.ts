/**
 * OAuth scopes declared by security schemes. Redocly 2.77.0's diff does not compare
 * `flows.*.scopes` at all: removing or adding a scope produces no change. The generated client
 * exports the scopes as a union type (`auth.gen.ts` `Scope`), so a removed scope breaks code that
 * asks for it (major) and an added one is new capability (minor).
 */
import { escapePointer, type SpecChange } from "../changes.js";
import type { FlowScopes } from "../spec-loader.js";
import type { SpecDiffRule } from "./types.js";

function key(flow: Pick<FlowScopes, "scheme" | "flow">): string {
  return `${flow.scheme}\u0000${flow.flow}`;
}

function scopeChange(
  id: SpecDiffRule["id"],
  impact: SpecChange["impact"],
  kind: "added" | "removed",
  flow: FlowScopes,
  scope: string,
): SpecChange {
  const path = `#/components/securitySchemes/${escapePointer(flow.scheme)}/flows/${escapePointer(flow.flow)}/scopes/${escapePointer(scope)}`;
  const preposition = kind === "added" ? "to" : "from";
  return {
    impact,
    rule: id,
    decidedBy: "spec-diff",
    kind,
    path,
    location: path,
    message: `Scope \`${scope}\` was ${kind} ${preposition} the \`${flow.flow}\` flow of security scheme \`${flow.scheme}\`.`,
  };
}

/** A scope a flow declared in the base and no longer declares (flow or scheme gone included): major. */
export const scopeRemoved: SpecDiffRule = {
  id: "spec-diff/scope-removed",
  reason:
    "Redocly does not compare securitySchemes scopes; a removed scope no longer type-checks in the client's Scope union.",
  apply(changes, { base, head }) {
    const headFlows = new Map(head.flows.map((flow) => [key(flow), new Set(flow.scopes)]));
    const added: SpecChange[] = [];
    for (const flow of base.flows) {
      const now = headFlows.get(key(flow)) ?? new Set<string>();
      for (const scope of flow.scopes) {
        if (!now.has(scope)) added.push(scopeChange(this.id, "major", "removed", flow, scope));
      }
    }
    return [...changes, ...added];
  },
};

/** A scope added to a flow that exists on both sides: minor. (A new flow is already a minor Redocly change.) */
export const scopeAdded: SpecDiffRule = {
  id: "spec-diff/scope-added",
  reason: "Redocly does not compare securitySchemes scopes; a new scope widens the client's Scope union.",
  apply(changes, { base, head }) {
    const baseFlows = new Map(base.flows.map((flow) => [key(flow), new Set(flow.scopes)]));
    const added: SpecChange[] = [];
    for (const flow of head.flows) {
      const before = baseFlows.get(key(flow));
      if (before === undefined) continue;
      for (const scope of flow.scopes) {
        if (!before.has(scope)) added.push(scopeChange(this.id, "minor", "added", flow, scope));
      }
    }
    return [...changes, ...added];
  },
};

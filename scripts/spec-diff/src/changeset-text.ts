/** The changeset summary: one headline, then one line per change grouped by impact. */
import type { Impact, SpecChange } from "./changes.js";
import { IMPACT_ORDER } from "./changes.js";

/** Group titles, strongest first. */
export const GROUP_TITLES: Record<Impact, string> = {
  major: "Breaking changes (major)",
  minor: "Additions (minor)",
  patch: "Documentation and other non-breaking edits (patch)",
};

/** What the summary talks about. */
export interface ChangesetTextInput {
  packageName: string;
  /** `specs/<provider>/openapi.yaml`. */
  specPath: string;
  /** Where the base came from, e.g. `tag @org/x-client@1.0.0`. */
  baseLabel: string;
  changes: readonly SpecChange[];
}

/** One list line: `` - `GET /pets`: message (`#/pointer`, `rule`) ``. */
export function formatChangeLine(change: SpecChange): string {
  const where = change.operation ? `\`${change.operation}\`: ` : "";
  const rule = change.rule === "" ? "" : `, \`${change.rule}\``;
  const override = change.overrides
    ? `; Redocly rated it ${change.overrides.impact}${change.overrides.rule ? ` (\`${change.overrides.rule}\`)` : ""}`
    : "";
  return `- ${where}${change.message} (\`${change.location}\`${rule}${override})`;
}

/**
 * The summary of a changeset for a spec change.
 * @example
 * ```md
 * `specs/x/openapi.yaml` changed since tag @org/x-client@1.0.0: 1 breaking change.
 *
 * **Breaking changes (major)**
 *
 * - `DELETE /pets/{petId}`: Operation `DELETE /pets/{petId}` was removed. (`#/paths/~1pets~1{petId}/delete`, `operation-removed`)
 * ```
 */
export function changesetText(input: ChangesetTextInput): string {
  const counts = IMPACT_ORDER.map(
    (impact) => [impact, input.changes.filter((c) => c.impact === impact)] as const,
  );
  const tally = counts
    .filter(([, changes]) => changes.length > 0)
    .map(([impact, changes]) => `${changes.length} ${NOUNS[impact]}${changes.length === 1 ? "" : "s"}`)
    .join(", ");
  const lines = [`\`${input.specPath}\` changed since ${input.baseLabel}: ${tally || "no API changes"}.`];
  for (const [impact, changes] of counts) {
    if (changes.length === 0) continue;
    lines.push("", `**${GROUP_TITLES[impact]}**`, "", ...changes.map(formatChangeLine));
  }
  return lines.join("\n");
}

const NOUNS: Record<Impact, string> = {
  major: "breaking change",
  minor: "addition",
  patch: "documentation change",
};

/** The summary of the first changeset of a package: an initial release with its operation count. */
export function initialReleaseText(input: {
  packageName: string;
  specPath: string;
  operations: number;
}): string {
  return (
    `Initial release of \`${input.packageName}\`: ${input.operations} operation${input.operations === 1 ? "" : "s"} ` +
    `from \`${input.specPath}\`.`
  );
}

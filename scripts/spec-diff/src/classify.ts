/** Redocly's diff, then our rules: the list of changes and the bump they add up to. */
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fromRedocly, IMPACT_ORDER, type Impact, type SpecChange } from "./changes.js";
import { SpecDiffError } from "./errors.js";
import { runRedoclyDiff } from "./redocly-diff.js";
import { RULES, type SpecDiffRule } from "./rules/index.js";
import { EMPTY_SPEC_FACTS, readSpecFacts, type SpecFacts } from "./spec-loader.js";

/** What {@link classifySpecChange} compares. */
export interface ClassifyOptions {
  /** Root file of the base spec; `undefined` for an empty base (a package never released). */
  baseSpec: string | undefined;
  /** Root file of the head spec. */
  headSpec: string;
  /** An empty scratch directory: Redocly's cwd, and where the empty base spec is written. */
  workDir: string;
  /** @default RULES */
  rules?: readonly SpecDiffRule[];
}

/** The verdict on a spec change. */
export interface Classification {
  /** The bump for the client package; `undefined` when nothing changed that matters. */
  bump: Impact | undefined;
  /** Redocly's own `bump`, before our rules. */
  redoclyBump: Impact | undefined;
  /** Every change, strongest impact first. */
  changes: SpecChange[];
  /** Operations in the head spec that the base did not have (all of them for an empty base). */
  operationsAdded: number;
}

/**
 * Runs `redocly diff` on the two specs, applies {@link RULES}, and sums up the bump.
 * @throws {SpecDiffError} from {@link runRedoclyDiff} and {@link readSpecFacts}; `SPEC_DIFF_REDOCLY_OUTPUT`
 *   when Redocly's `bump` disagrees with the impacts of its own changes (its format moved).
 */
export async function classifySpecChange(options: ClassifyOptions): Promise<Classification> {
  const headSpec = resolve(options.headSpec);
  const head = readSpecFacts(headSpec);
  let base: SpecFacts = { ...EMPTY_SPEC_FACTS, openapi: head.openapi };
  let baseSpec: string;
  if (options.baseSpec === undefined) {
    baseSpec = join(options.workDir, "empty-base.yaml");
    await writeFile(
      baseSpec,
      `openapi: ${head.openapi}\ninfo:\n  title: empty\n  version: 0.0.0\npaths: {}\n`,
    );
  } else {
    baseSpec = resolve(options.baseSpec);
    base = readSpecFacts(baseSpec);
  }

  const report = await runRedoclyDiff({ base: baseSpec, revision: headSpec, cwd: options.workDir });
  const fromTool = fromRedocly(report.changes, { cwd: options.workDir, roots: [baseSpec, headSpec] });
  const toolBump = maxImpact(fromTool);
  if (toolBump !== report.bump) {
    throw new SpecDiffError(
      "SPEC_DIFF_REDOCLY_OUTPUT",
      `redocly diff reported bump ${report.bump ?? "(none)"} but its changes add up to ${toolBump ?? "(none)"} ` +
        `(${baseSpec} → ${headSpec}); its report format may have changed.`,
    );
  }

  const changes = (options.rules ?? RULES).reduce<SpecChange[]>(
    (current, rule) => rule.apply(current, { base, head }),
    fromTool,
  );
  changes.sort((a, b) => IMPACT_ORDER.indexOf(a.impact) - IMPACT_ORDER.indexOf(b.impact));
  return {
    bump: maxImpact(changes),
    redoclyBump: report.bump,
    changes,
    operationsAdded: countAddedOperations(changes),
  };
}

/** The strongest impact among the changes, `undefined` for none. */
export function maxImpact(changes: readonly Pick<SpecChange, "impact">[]): Impact | undefined {
  return IMPACT_ORDER.find((impact) => changes.some((change) => change.impact === impact));
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

function countAddedOperations(changes: readonly SpecChange[]): number {
  let count = 0;
  for (const change of changes) {
    if (change.kind !== "added" || !change.path.startsWith("#/paths/")) continue;
    if (change.source?.typeName === "Operation") count += 1;
    if (change.source?.typeName === "PathItem") {
      const value = change.source.revision?.value;
      if (typeof value === "object" && value !== null) {
        count += Object.keys(value).filter((key) => METHODS.has(key)).length;
      }
    }
  }
  return count;
}

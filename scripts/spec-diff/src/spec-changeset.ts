/** `spec:changeset` as a function: find the base, classify the change, write (or render) the changeset. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BaseSpec, resolveBaseSpec } from "./base-spec.js";
import { formatChangesetFile, type SpecChangeset, writeSpecChangeset } from "./changeset-file.js";
import { changesetText, initialReleaseText } from "./changeset-text.js";
import { type Classification, classifySpecChange } from "./classify.js";
import { type ProviderPackage, resolveProvider, SPEC_FILE } from "./workspace.js";

/** Options of {@link specChangeset}, one per CLI flag. */
export interface SpecChangesetOptions {
  /** `borderbolt`, `bol-retailer`, …: `specs/<provider>/openapi.yaml` and `@org/<provider>-client`. */
  provider: string;
  /** Workspace root: `specs/`, `packages/` and `.changeset/` are found here. */
  cwd: string;
  /** `--base <git-ref>`, used when the release tag is not there. */
  base?: string | undefined;
  /** `--base-spec <file>`: compare with this file instead of anything from git. */
  baseSpec?: string | undefined;
  /** `--dry-run`: render the changeset, write nothing. @default false */
  dryRun?: boolean | undefined;
}

/** What {@link specChangeset} did. */
export interface SpecChangesetResult {
  provider: ProviderPackage;
  base: BaseSpec;
  classification: Classification;
  /** `undefined` when the spec did not change in a way that matters. */
  changeset: SpecChangeset | undefined;
  /** The changeset file's text (also for a dry run). */
  content: string | undefined;
  /** Path of the written file; `undefined` for a dry run or no changeset. */
  file: string | undefined;
}

/**
 * Compares `specs/<provider>/openapi.yaml` with its last released version and writes a changeset
 * for `@org/<provider>-client` with the bump the change needs.
 * @throws {SpecDiffError} with a `SPEC_DIFF_*` code, see `errors.ts`.
 */
export async function specChangeset(options: SpecChangesetOptions): Promise<SpecChangesetResult> {
  const provider = await resolveProvider(options.cwd, options.provider);
  const workDir = await mkdtemp(join(tmpdir(), "spec-diff-"));
  try {
    const base = await resolveBaseSpec({
      cwd: options.cwd,
      provider,
      base: options.base,
      baseSpec: options.baseSpec,
      workDir,
    });
    const classification = await classifySpecChange({
      baseSpec: base.kind === "empty" ? undefined : base.specFile,
      headSpec: provider.specFile,
      workDir,
    });
    const specPath = `${provider.specFolder}/${SPEC_FILE}`;
    let changeset: SpecChangeset | undefined;
    if (base.kind === "empty") {
      changeset = {
        packageName: provider.packageName,
        bump: "minor",
        summary: initialReleaseText({
          packageName: provider.packageName,
          specPath,
          operations: classification.operationsAdded,
        }),
      };
    } else if (classification.bump !== undefined) {
      changeset = {
        packageName: provider.packageName,
        bump: classification.bump,
        summary: changesetText({
          packageName: provider.packageName,
          specPath,
          baseLabel: base.label,
          changes: classification.changes,
        }),
      };
    }
    const content = changeset ? formatChangesetFile(changeset) : undefined;
    const file = changeset && !options.dryRun ? await writeSpecChangeset(changeset, options.cwd) : undefined;
    return { provider, base, classification, changeset, content, file };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

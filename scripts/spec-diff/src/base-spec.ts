/**
 * Where "the last released spec" comes from, in this order:
 * 1. `--base-spec <file>`: that file (tests, or any one-off comparison);
 * 2. the git tag `@org/<provider>-client@<version>` (changesets' own tag) for the package's current version;
 * 3. `--base <git-ref>`;
 * 4. nothing: a package at `0.0.0` without a tag was never released, so the base is an empty spec.
 * A package at another version with neither tag nor `--base` is an error: in a clone without tags
 * an "initial release" would be a lie.
 */
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { SpecDiffError } from "./errors.js";
import { extractFolder, repositoryOf, resolveCommit } from "./git.js";
import { type ProviderPackage, SPEC_FILE } from "./workspace.js";

/** The version of a package that was never released. */
export const UNRELEASED_VERSION = "0.0.0";

/** The base spec that was chosen, and why. */
export type BaseSpec =
  | { kind: "file"; specFile: string; label: string }
  | { kind: "tag" | "ref"; ref: string; commit: string; specFile: string; label: string; note?: string }
  | { kind: "empty"; label: string };

/** What {@link resolveBaseSpec} looks at. */
export interface ResolveBaseOptions {
  /** Workspace root (where `specs/` is); inside the git repository. */
  cwd: string;
  provider: ProviderPackage;
  /** `--base <git-ref>`. */
  base?: string | undefined;
  /** `--base-spec <file>`, relative to `cwd`. */
  baseSpec?: string | undefined;
  /** Scratch directory the base folder is extracted into. */
  workDir: string;
}

/** `@org/<provider>-client@<version>`, the tag `changeset publish` creates. */
export function releaseTag(packageName: string, version: string): string {
  return `${packageName}@${version}`;
}

/**
 * Picks the base spec (see the module comment) and, for a git base, extracts its spec folder.
 * @throws {SpecDiffError} `SPEC_DIFF_SPEC_MISSING` (no `--base-spec` file, or no spec folder at the
 *   base commit), `SPEC_DIFF_GIT_REF_MISSING` (`--base` not in this clone),
 *   `SPEC_DIFF_BASE_UNKNOWN` (released version, tag not here, no `--base`), `SPEC_DIFF_GIT_FAILED`.
 */
export async function resolveBaseSpec(options: ResolveBaseOptions): Promise<BaseSpec> {
  const { cwd, provider } = options;
  if (options.baseSpec !== undefined) {
    const specFile = resolve(cwd, options.baseSpec);
    if (!(await stat(specFile).catch(() => undefined))?.isFile()) {
      throw new SpecDiffError(
        "SPEC_DIFF_SPEC_MISSING",
        `--base-spec ${options.baseSpec}: ${specFile} does not exist.`,
      );
    }
    return { kind: "file", specFile, label: `file ${options.baseSpec}` };
  }

  const tag = releaseTag(provider.packageName, provider.version);
  const tagCommit = await resolveCommit(cwd, `refs/tags/${tag}`);
  if (tagCommit !== undefined) {
    const note =
      options.base === undefined
        ? undefined
        : `--base ${options.base} ignored: the release tag ${tag} exists`;
    const specFile = await extractSpec(options, tag, tagCommit);
    return {
      kind: "tag",
      ref: tag,
      commit: tagCommit,
      specFile,
      label: `tag ${tag}`,
      ...(note ? { note } : {}),
    };
  }

  if (options.base !== undefined) {
    const commit = await resolveCommit(cwd, options.base);
    if (commit === undefined) {
      await repositoryOf(cwd); // a clearer error when cwd is not in a repository at all
      throw new SpecDiffError(
        "SPEC_DIFF_GIT_REF_MISSING",
        `--base ${options.base}: no such commit, branch or tag in the repository at ${cwd}. ` +
          "CI clones may have no branches or tags: pass a commit sha, or fetch the ref first.",
      );
    }
    const specFile = await extractSpec(options, options.base, commit);
    return {
      kind: "ref",
      ref: options.base,
      commit,
      specFile,
      label: `git ref ${options.base} (${commit.slice(0, 12)})`,
    };
  }

  if (provider.version === UNRELEASED_VERSION) {
    return {
      kind: "empty",
      label: `empty spec (${provider.packageName}@${provider.version} has no release tag ${tag}: never released)`,
    };
  }
  throw new SpecDiffError(
    "SPEC_DIFF_BASE_UNKNOWN",
    `${provider.packageName} is at ${provider.version} but its release tag ${tag} is not in this clone, ` +
      "and no --base was given. Fetch tags (git fetch --tags) or pass --base <commit of the last release>.",
  );
}

async function extractSpec(options: ResolveBaseOptions, ref: string, commit: string): Promise<string> {
  const { root, prefix } = await repositoryOf(options.cwd);
  const folder = `${prefix}${options.provider.specFolder}`;
  const extracted = await extractFolder(root, commit, folder, join(options.workDir, "base"));
  const specFile = extracted === undefined ? undefined : join(extracted, SPEC_FILE);
  if (specFile === undefined || !(await stat(specFile).catch(() => undefined))?.isFile()) {
    throw new SpecDiffError(
      "SPEC_DIFF_SPEC_MISSING",
      `${folder}/${SPEC_FILE} does not exist at ${ref} (${commit.slice(0, 12)}), so there is no base spec to compare with. ` +
        "Pass another --base, or --base-spec <file>.",
    );
  }
  return specFile;
}

/** Finds a provider's spec and client package in the workspace. */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { SpecDiffError } from "./errors.js";

/** A provider: its spec and the package generated from it. */
export interface ProviderPackage {
  provider: string;
  /** Absolute `specs/<provider>`. */
  specDir: string;
  /** Absolute `specs/<provider>/openapi.yaml`. */
  specFile: string;
  /** `specs/<provider>` relative to the workspace root (the folder `git archive` extracts). */
  specFolder: string;
  /** `@org/<provider>-client`. */
  packageName: string;
  /** The package's current `version`. */
  version: string;
  /** Absolute package folder. */
  packageDir: string;
}

/** The spec file name inside `specs/<provider>/`. */
export const SPEC_FILE = "openapi.yaml";

/** `@org/<provider>-client`. */
export function packageNameOf(provider: string): string {
  return `@org/${provider}-client`;
}

/**
 * Looks up `specs/<provider>/openapi.yaml` and the workspace package `@org/<provider>-client`
 * (the `packages/<dir>/package.json` with that name) under the workspace root `cwd`.
 * @throws {SpecDiffError} `SPEC_DIFF_UNKNOWN_PROVIDER` (no `specs/<provider>/`, listing the known
 *   ones), `SPEC_DIFF_SPEC_MISSING` (no `openapi.yaml` in it), `SPEC_DIFF_PACKAGE_MISSING`.
 */
export async function resolveProvider(cwd: string, provider: string): Promise<ProviderPackage> {
  const specsDir = join(cwd, "specs");
  const specDir = join(specsDir, provider);
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(provider) || !(await isDirectory(specDir))) {
    const known = await knownProviders(specsDir);
    throw new SpecDiffError(
      "SPEC_DIFF_UNKNOWN_PROVIDER",
      `Unknown provider "${provider}": there is no ${join(specsDir, provider)}/. ` +
        `Known providers: ${known.length > 0 ? known.join(", ") : `(none in ${specsDir})`}.`,
    );
  }
  const specFile = join(specDir, SPEC_FILE);
  if (!(await isFile(specFile))) {
    throw new SpecDiffError(
      "SPEC_DIFF_SPEC_MISSING",
      `Provider "${provider}" has no spec: ${specFile} does not exist.`,
    );
  }
  const packageName = packageNameOf(provider);
  const found = await findPackage(join(cwd, "packages"), packageName);
  if (found === undefined) {
    throw new SpecDiffError(
      "SPEC_DIFF_PACKAGE_MISSING",
      `No workspace package named ${packageName} in ${join(cwd, "packages")}/*/package.json: ` +
        "a changeset can only name a package that exists. Create the client package first.",
    );
  }
  return {
    provider,
    specDir,
    specFile,
    specFolder: relative(cwd, specDir).split("\\").join("/"),
    packageName,
    version: found.version,
    packageDir: found.dir,
  };
}

async function findPackage(
  packagesDir: string,
  name: string,
): Promise<{ dir: string; version: string } | undefined> {
  let entries: string[];
  try {
    entries = (await readdir(packagesDir)).sort();
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const dir = join(packagesDir, entry);
    let manifest: { name?: unknown; version?: unknown };
    try {
      manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as typeof manifest;
    } catch {
      continue;
    }
    if (manifest.name === name) {
      return { dir, version: typeof manifest.version === "string" ? manifest.version : "0.0.0" };
    }
  }
  return undefined;
}

async function knownProviders(specsDir: string): Promise<string[]> {
  try {
    const entries = await readdir(specsDir);
    const withSpec = await Promise.all(
      entries.map(async (entry) => ((await isFile(join(specsDir, entry, SPEC_FILE))) ? entry : undefined)),
    );
    return withSpec.filter((entry): entry is string => entry !== undefined).sort();
  } catch {
    return [];
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

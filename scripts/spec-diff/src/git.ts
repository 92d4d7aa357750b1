/** The few read-only git commands spec-diff needs, with coded errors. */
import { execFile } from "node:child_process";
import { access, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { SpecDiffError } from "./errors.js";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd, maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr || error?.message || "") });
    });
  });
}

/**
 * Runs `git <args>` in `cwd` and returns its trimmed stdout.
 * @throws {SpecDiffError} `SPEC_DIFF_GIT_FAILED` with the command and git's stderr.
 */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
  const result = await run("git", args, cwd);
  if (result.code !== 0) {
    throw new SpecDiffError(
      "SPEC_DIFF_GIT_FAILED",
      `git ${args.join(" ")} failed in ${cwd} (exit ${result.code}): ${result.stderr.trim()}`,
    );
  }
  return result.stdout.trim();
}

/** The repository root and `cwd`'s path inside it (`""` at the root, else ending in `/`). */
export async function repositoryOf(cwd: string): Promise<{ root: string; prefix: string }> {
  const root = await git(cwd, ["rev-parse", "--show-toplevel"]);
  const prefix = await git(cwd, ["rev-parse", "--show-prefix"]);
  return { root, prefix };
}

/** The commit a ref (branch, tag, sha, `HEAD~1`) points at, or `undefined` when the clone does not have it. */
export async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  const result = await run(
    "git",
    ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`],
    cwd,
  );
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/**
 * Extracts `folder` (a path from the repository root) as it is at `commit` into `dest`, with
 * `git archive <commit> <folder> | tar -x`, so multi-file specs keep their relative `$ref`s.
 * @returns the extracted folder, or `undefined` when `folder` does not exist at `commit`.
 * @throws {SpecDiffError} `SPEC_DIFF_GIT_FAILED` when git or tar fails.
 */
export async function extractFolder(
  root: string,
  commit: string,
  folder: string,
  dest: string,
): Promise<string | undefined> {
  const listed = await git(root, ["ls-tree", "-d", "--name-only", commit, "--", folder]);
  if (listed === "") return undefined;
  await mkdir(dest, { recursive: true });
  const tarball = join(dest, "base.tar");
  await git(root, ["archive", "--format=tar", "-o", tarball, commit, "--", folder]);
  const untar = await run("tar", ["-xf", tarball, "-C", dest], dest);
  if (untar.code !== 0) {
    throw new SpecDiffError(
      "SPEC_DIFF_GIT_FAILED",
      `tar -xf ${tarball} failed (exit ${untar.code}): ${untar.stderr.trim()}`,
    );
  }
  const extracted = join(dest, folder);
  await access(extracted);
  return extracted;
}

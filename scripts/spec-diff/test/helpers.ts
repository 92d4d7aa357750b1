/** Temporary workspaces and git repositories for the end-to-end tests. */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** `test/fixtures`. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

/** A fixture file: `fixture("removed-operation", "head.yaml")`. */
export function fixture(name: string, file: string): string {
  return join(FIXTURES, name, file);
}

/** A scratch workspace: `specs/<provider>/openapi.yaml` and `packages/<provider>-client/package.json`. */
export interface TempWorkspace {
  dir: string;
  /** Copies a file (or a whole fixture folder's file plus siblings) to `specs/<provider>/openapi.yaml`. */
  setSpec(from: string): void;
  cleanup(): void;
}

/** Creates a workspace for provider `x` (package `@org/x-client`) at `version`. */
export function tempWorkspace(
  options: { provider?: string; version?: string; withPackage?: boolean } = {},
): TempWorkspace {
  const provider = options.provider ?? "x";
  const dir = mkdtempSync(join(tmpdir(), "spec-diff-test-"));
  const specDir = join(dir, "specs", provider);
  mkdirSync(specDir, { recursive: true });
  if (options.withPackage !== false) {
    const packageDir = join(dir, "packages", `${provider}-client`);
    mkdirSync(packageDir, { recursive: true });
    writeFileSync(
      join(packageDir, "package.json"),
      `${JSON.stringify({ name: `@org/${provider}-client`, version: options.version ?? "1.0.0" }, null, 2)}\n`,
    );
  }
  return {
    dir,
    setSpec(from) {
      cpSync(from, join(specDir, "openapi.yaml"));
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs git in `dir` with a fixed identity and no hooks, signing or user config. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync(
    "git",
    [
      "-c",
      "user.name=spec-diff test",
      "-c",
      "user.email=spec-diff@example.com",
      "-c",
      "commit.gpgsign=false",
      "-c",
      "tag.gpgsign=false",
      "-c",
      "core.hooksPath=/dev/null",
      ...args,
    ],
    {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
    },
  ).trim();
}

/** `git init` + one commit of everything in `dir`. */
export function gitInitAndCommit(dir: string): void {
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "initial");
}

/** Collects what the CLI prints. */
export function captureOutput(): {
  log: (line: string) => void;
  error: (line: string) => void;
  out: string[];
  err: string[];
} {
  const out: string[] = [];
  const err: string[] = [];
  return { log: (line) => out.push(line), error: (line) => err.push(line), out, err };
}

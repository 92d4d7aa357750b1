/**
 * Runs the pinned `@redocly/cli` `diff --format json` as a child process and checks that its
 * (experimental) report has the shape this wrapper was verified against.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { SpecDiffError } from "./errors.js";

/** The `@redocly/cli` version every rule and fixture was verified against. Change it only with the corpus green. */
export const PINNED_REDOCLY_VERSION = "2.77.0";

/** A semver impact, as Redocly rates a change. */
export type Impact = "major" | "minor" | "patch";

/** Where in which file a value sits, as Redocly reports it (`file` relative to Redocly's cwd). */
export interface RedoclyLocation {
  file: string;
  pointer: string;
  line?: number;
  col?: number;
}

/** One rule that fired on a change. */
export interface RedoclyVerdict {
  ruleId: string;
  impact: Impact;
  message: string;
  location?: RedoclyLocation;
}

/** One change of Redocly's report (`reportVersion: "1"`). */
export interface RedoclyChange {
  /** JSON pointer through the revision's (or base's) paths, `$ref`s followed: `#/paths/~1pets/get/...`. */
  path: string;
  typeName: string;
  kind: "added" | "removed" | "modified";
  impact: Impact;
  verdicts: RedoclyVerdict[];
  /** The changed key, for `modified` changes (`type`, `enum`, `description`, ...). */
  property?: string;
  base?: RedoclyLocation & { value?: unknown };
  revision?: RedoclyLocation & { value?: unknown };
}

/** The JSON report of `redocly diff --format json`. */
export interface RedoclyReport {
  reportVersion: "1";
  /** Absent when nothing counts towards a bump (e.g. only `info.version` changed). */
  bump?: Impact;
  summary: Record<Impact, number>;
  changes: RedoclyChange[];
}

/** What {@link runRedoclyDiff} needs. */
export interface RunRedoclyDiffOptions {
  /** Root file of the base spec (absolute, or relative to `cwd`). */
  base: string;
  /** Root file of the revised spec (absolute, or relative to `cwd`). */
  revision: string;
  /** Working directory of the child; keep it free of `redocly.yaml` so no config is picked up. */
  cwd: string;
}

/** The environment Redocly runs in: no telemetry, no update check, no banners, no colours. */
export const REDOCLY_ENV = {
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  REDOCLY_SUPPRESS_NOTIFICATIONS: "true",
  NO_COLOR: "1",
  FORCE_COLOR: "0",
} as const;

const IMPACTS: readonly string[] = ["major", "minor", "patch"];
const KINDS: readonly string[] = ["added", "removed", "modified"];

/**
 * Path of the installed `@redocly/cli` entry (`bin/cli.js`), after checking its version.
 * @throws {SpecDiffError} `SPEC_DIFF_REDOCLY_VERSION` when the installed version is not {@link PINNED_REDOCLY_VERSION}.
 */
export function resolveRedoclyCli(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@redocly/cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    version: string;
    bin: Record<string, string>;
  };
  if (manifest.version !== PINNED_REDOCLY_VERSION) {
    throw new SpecDiffError(
      "SPEC_DIFF_REDOCLY_VERSION",
      `@redocly/cli ${manifest.version} is installed (${manifestPath}) but spec-diff was verified against ${PINNED_REDOCLY_VERSION}. ` +
        "Pin it back in pnpm-workspace.yaml, or follow 'Upgrading the pinned CLI' in scripts/spec-diff/README.md.",
    );
  }
  const bin = manifest.bin.redocly;
  if (bin === undefined) {
    throw new SpecDiffError("SPEC_DIFF_REDOCLY_VERSION", `${manifestPath} declares no "redocly" bin.`);
  }
  return join(dirname(manifestPath), bin);
}

/**
 * Runs `redocly diff <base> <revision> --format json --fail-on none` and returns its checked report.
 * @throws {SpecDiffError} `SPEC_DIFF_REDOCLY_FAILED` (non-zero exit, with Redocly's stderr) or
 *   `SPEC_DIFF_REDOCLY_OUTPUT` (stdout is not a version-1 report).
 */
export async function runRedoclyDiff(options: RunRedoclyDiffOptions): Promise<RedoclyReport> {
  const cli = resolveRedoclyCli();
  const args = [
    cli,
    "diff",
    options.base,
    options.revision,
    "--format",
    "json",
    "--fail-on",
    "none",
    "--lint-config",
    "off",
  ];
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
    (resolve) => {
      execFile(
        process.execPath,
        args,
        { cwd: options.cwd, env: { ...process.env, ...REDOCLY_ENV }, maxBuffer: 256 * 1024 * 1024 },
        (error, out, err) => {
          const exit = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ code: exit, stdout: String(out), stderr: String(err) });
        },
      );
    },
  );
  if (code !== 0) {
    throw new SpecDiffError(
      "SPEC_DIFF_REDOCLY_FAILED",
      `redocly diff ${options.base} ${options.revision} exited with ${code}:\n${cleanStderr(stderr) || "(no stderr)"}`,
    );
  }
  return parseRedoclyReport(stdout);
}

/**
 * Parses and checks the JSON report. Exported for tests of the format guard.
 * @throws {SpecDiffError} `SPEC_DIFF_REDOCLY_OUTPUT` naming the first thing that does not match.
 */
export function parseRedoclyReport(stdout: string): RedoclyReport {
  let report: unknown;
  try {
    report = JSON.parse(stdout);
  } catch {
    throw outputError(`stdout is not JSON: ${truncate(stdout)}`);
  }
  if (!isObject(report)) throw outputError("the report is not an object");
  if (report.reportVersion !== "1") {
    throw outputError(`reportVersion is ${JSON.stringify(report.reportVersion)}, expected "1"`);
  }
  if (report.bump !== undefined && !IMPACTS.includes(report.bump as string)) {
    throw outputError(`bump is ${JSON.stringify(report.bump)}`);
  }
  if (!Array.isArray(report.changes)) throw outputError("changes is not an array");
  report.changes.forEach((change: unknown, index: number) => {
    const where = `changes[${index}]`;
    if (!isObject(change)) throw outputError(`${where} is not an object`);
    if (typeof change.path !== "string" || !change.path.startsWith("#/")) {
      throw outputError(`${where}.path is not a JSON pointer`);
    }
    if (!KINDS.includes(change.kind as string))
      throw outputError(`${where}.kind is ${JSON.stringify(change.kind)}`);
    if (!IMPACTS.includes(change.impact as string)) {
      throw outputError(`${where}.impact is ${JSON.stringify(change.impact)}`);
    }
    if (typeof change.typeName !== "string") throw outputError(`${where}.typeName is not a string`);
    if (!Array.isArray(change.verdicts)) throw outputError(`${where}.verdicts is not an array`);
    change.verdicts.forEach((verdict: unknown, v: number) => {
      if (
        !isObject(verdict) ||
        typeof verdict.ruleId !== "string" ||
        typeof verdict.message !== "string" ||
        !IMPACTS.includes(verdict.impact as string)
      ) {
        throw outputError(`${where}.verdicts[${v}] lacks ruleId, impact or message`);
      }
    });
  });
  return report as unknown as RedoclyReport;
}

/** Redocly's stderr without the Node-20 deprecation box and blank lines. */
export function cleanStderr(stderr: string): string {
  return stderr
    .split("\n")
    .filter((line) => line.trim() !== "" && !/[║╔╚]/.test(line))
    .join("\n")
    .trim();
}

function outputError(what: string): SpecDiffError {
  return new SpecDiffError(
    "SPEC_DIFF_REDOCLY_OUTPUT",
    `redocly diff ${PINNED_REDOCLY_VERSION} printed an unexpected report: ${what}. Its diff is experimental; ` +
      "see 'Upgrading the pinned CLI' in scripts/spec-diff/README.md.",
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

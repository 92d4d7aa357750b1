/** Reads, lints and bundles a spec file with Redocly, turning every finding into a located {@link SpecProblem}. */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import {
  bundle,
  type Config,
  createConfig,
  getLineColLocation,
  lint,
  type NormalizedProblem,
  parseYaml,
} from "@redocly/openapi-core";
import { CodegenError, type SpecProblem } from "./errors.js";
import { orgLintPlugin } from "./rules/org-rules.js";

/**
 * Findings that make generation impossible, fatal even outside strict mode: a reference that
 * points nowhere, two operations with one operationId (openapi-typescript keys `operations` by
 * it), and a scope or scheme that is used but not declared (the scope table would lie).
 */
const FATAL_RULES = new Set(["no-unresolved-refs", "org/operation-id-unique", "org/scopes-declared"]);

function isFatal(problem: SpecProblem, strict: boolean | undefined): boolean {
  return strict === true || (problem.severity === "error" && FATAL_RULES.has(problem.rule));
}

export interface LoadSpecOptions {
  /** Skip the lint (the spec is known to be clean, e.g. a simulator reading our own spec). @default true */
  lint?: boolean;
  /** Every lint finding is fatal (our own specs). Otherwise only {@link FATAL_RULES} are. */
  strict?: boolean;
}

export interface LoadedSpec {
  /** Absolute path of the root spec file. */
  path: string;
  /** The bundled document: every external `$ref` inlined, internal ones kept. */
  document: Record<string, unknown>;
  /** sha256 of the bundled document, so formatting-only edits do not change it. */
  hash: string;
  /** Non-fatal findings, to print as warnings. */
  warnings: SpecProblem[];
}

/** Name of the optional file beside a spec that overrides rule severities for that spec. */
export const RULE_OVERRIDES_FILE = "redocly.yaml";

/**
 * The lint configuration: Redocly's `recommended` rules plus ours, then the `rules:` of a
 * `redocly.yaml` beside the spec, if there is one (for a provider whose real API trips a rule,
 * e.g. bol's ambiguous paths; each override should say why in a comment).
 */
export async function createLintConfig(specPath?: string): Promise<Config> {
  const overrides = specPath ? await readRuleOverrides(join(dirname(specPath), RULE_OVERRIDES_FILE)) : {};
  return createConfig({
    extends: ["recommended"],
    plugins: [orgLintPlugin],
    rules: {
      "operation-operationId-unique": "off",
      "operation-operationId": "error",
      "org/operation-id-unique": "error",
      "org/security-scheme-declared": "error",
      "org/scopes-declared": "error",
      "org/scopes-used": "error",
      ...overrides,
    },
  } as never);
}

async function readRuleOverrides(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return {};
  }
  const parsed = parseYaml(text, { filename: file }) as { rules?: unknown } | null;
  const rules = parsed?.rules;
  if (rules === undefined) return {};
  if (typeof rules !== "object" || rules === null || Array.isArray(rules)) {
    const location = { file: displayPath(file), pointer: "#/rules", line: 1, column: 1 };
    throw new CodegenError(
      "CODEGEN_SPEC_INVALID",
      `${location.file}: \`rules\` must be a map of rule → severity`,
      [{ rule: "config", severity: "error", message: "`rules` must be a map", location }],
    );
  }
  return rules as Record<string, unknown>;
}

function displayPath(file: string): string {
  const fromCwd = relative(process.cwd(), file);
  return fromCwd.startsWith("..") ? file : fromCwd;
}

function toSpecProblem(problem: NormalizedProblem): SpecProblem {
  const location = problem.location[0];
  if (!location) {
    return {
      rule: problem.ruleId,
      severity: problem.severity,
      message: problem.message,
      location: { file: "", pointer: "#/" },
    };
  }
  const { start } = getLineColLocation(location);
  return {
    rule: problem.ruleId,
    severity: problem.severity,
    message: problem.message,
    location: {
      file: displayPath(location.source.absoluteRef),
      pointer: location.pointer ?? "#/",
      line: start.line,
      column: start.col,
    },
  };
}

async function readRoot(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? "read error";
    throw new CodegenError(
      "CODEGEN_SPEC_UNREADABLE",
      `${displayPath(path)}: cannot read the spec (${reason})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text, { filename: path });
  } catch (cause) {
    const mark = (cause as { mark?: { line: number; column: number } }).mark;
    const reason = (cause as { reason?: string }).reason ?? (cause as Error).message;
    const line = (mark?.line ?? 0) + 1;
    const column = (mark?.column ?? 0) + 1;
    const location = { file: displayPath(path), pointer: "#", line, column };
    throw new CodegenError(
      "CODEGEN_SPEC_SYNTAX",
      `${location.file}:${line}:${column}: not valid YAML or JSON: ${reason}`,
      [{ rule: "syntax", severity: "error", message: reason, location }],
    );
  }
  const version = (parsed as { openapi?: unknown } | null)?.openapi;
  if (typeof version !== "string" || !/^3\.[01]\.\d+/.test(version)) {
    const found = typeof version === "string" ? `openapi: ${version}` : "no `openapi` field";
    const location = { file: displayPath(path), pointer: "#/openapi", line: 1, column: 1 };
    throw new CodegenError(
      "CODEGEN_NOT_OPENAPI",
      `${location.file}:1:1 #/openapi: not an OpenAPI 3.0 or 3.1 document (${found})`,
      [{ rule: "openapi-version", severity: "error", message: found, location }],
    );
  }
  return parsed as Record<string, unknown>;
}

/**
 * Lints and bundles one spec.
 * @throws {CodegenError} `CODEGEN_SPEC_UNREADABLE`, `CODEGEN_SPEC_SYNTAX`, `CODEGEN_NOT_OPENAPI`,
 *   or `CODEGEN_SPEC_INVALID` with every fatal problem located by file, JSON pointer and line.
 */
export async function loadSpec(specPath: string, options: LoadSpecOptions = {}): Promise<LoadedSpec> {
  const path = resolve(specPath);
  await readRoot(path);
  const config = await createLintConfig(path);

  const problems = options.lint === false ? [] : (await lint({ ref: path, config })).map(toSpecProblem);
  const fatal = problems.filter((p) => isFatal(p, options.strict));
  if (fatal.length > 0) {
    const mode = options.strict ? " (strict mode: every lint finding fails)" : "";
    throw new CodegenError(
      "CODEGEN_SPEC_INVALID",
      `${displayPath(path)}: ${fatal.length} problem(s) prevent generation${mode}`,
      fatal,
    );
  }

  const { bundle: bundled } = await bundle({ ref: path, config });
  const document = bundled.parsed as Record<string, unknown>;
  const hash = createHash("sha256").update(JSON.stringify(document)).digest("hex");
  const warnings = problems
    .filter((p) => !isFatal(p, options.strict))
    .map((p) => ({ ...p, severity: "warn" as const }));
  return { path, document, hash, warnings };
}

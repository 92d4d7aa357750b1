/** Where in which file a problem was found. `line`/`column` are 1-based. */
export interface SpecLocation {
  file: string;
  pointer: string;
  line?: number;
  column?: number;
}

/** One finding of the lint or the loader, with the rule that raised it. */
export interface SpecProblem {
  rule: string;
  severity: "error" | "warn";
  message: string;
  location: SpecLocation;
}

/** Stable codes of {@link CodegenError}. */
export type CodegenErrorCode =
  /** The spec file could not be read. */
  | "CODEGEN_SPEC_UNREADABLE"
  /** The spec is not YAML or JSON. */
  | "CODEGEN_SPEC_SYNTAX"
  /** The document is not an OpenAPI 3.0 or 3.1 document. */
  | "CODEGEN_NOT_OPENAPI"
  /** Problems that make generation impossible (or, in strict mode, any lint finding). */
  | "CODEGEN_SPEC_INVALID"
  /** openapi-typescript could not turn the (linted) spec into types. */
  | "CODEGEN_TYPES_FAILED"
  /** `--check` found generated files that differ from what the spec produces. */
  | "CODEGEN_STALE"
  /** Bad command-line usage. */
  | "CODEGEN_USAGE";

/** A failure of the generator, carrying the problems that caused it. */
export class CodegenError extends Error {
  override name = "CodegenError" as const;
  readonly code: CodegenErrorCode;
  readonly problems: readonly SpecProblem[];

  constructor(code: CodegenErrorCode, message: string, problems: readonly SpecProblem[] = []) {
    super(message);
    this.code = code;
    this.problems = problems;
  }
}

/** `file:line:column pointer`, the way editors and CI annotations read a location. */
export function formatLocation(location: SpecLocation): string {
  const position = location.line === undefined ? "" : `:${location.line}:${location.column ?? 1}`;
  return `${location.file}${position} ${location.pointer}`;
}

/** One line per problem: `error file:line:col #/pointer message (rule)`. */
export function formatProblem(problem: SpecProblem): string {
  return `${problem.severity === "error" ? "error" : "warning"} ${formatLocation(problem.location)} ${problem.message} (${problem.rule})`;
}

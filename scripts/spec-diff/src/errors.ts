/** Stable codes of {@link SpecDiffError}. */
export type SpecDiffErrorCode =
  /** No `specs/<provider>/` folder: the provider name is wrong. */
  | "SPEC_DIFF_UNKNOWN_PROVIDER"
  /** A spec file that should be there is not: `specs/<provider>/openapi.yaml`, a `--base-spec` file, or the spec folder at the base git ref. */
  | "SPEC_DIFF_SPEC_MISSING"
  /** No workspace package `@org/<provider>-client` under `packages/*`. */
  | "SPEC_DIFF_PACKAGE_MISSING"
  /** A `--base` git ref (or the working directory's repository) cannot be resolved. */
  | "SPEC_DIFF_GIT_REF_MISSING"
  /** A git command failed for another reason (the message carries its stderr). */
  | "SPEC_DIFF_GIT_FAILED"
  /** The package says it was released but its release tag is not in this clone, and no `--base` was given. */
  | "SPEC_DIFF_BASE_UNKNOWN"
  /** A spec file is not YAML/JSON or not an OpenAPI 3.x document. */
  | "SPEC_DIFF_SPEC_INVALID"
  /** `redocly diff` exited non-zero (the message carries its stderr). */
  | "SPEC_DIFF_REDOCLY_FAILED"
  /** `redocly diff` printed something that is not the report format this wrapper was verified against. */
  | "SPEC_DIFF_REDOCLY_OUTPUT"
  /** The installed `@redocly/cli` is not the version the rules were verified against. */
  | "SPEC_DIFF_REDOCLY_VERSION"
  /** Bad command-line usage. */
  | "SPEC_DIFF_USAGE";

/** A failure of `spec:changeset`; `message` says what was wrong and where. */
export class SpecDiffError extends Error {
  override name = "SpecDiffError" as const;
  readonly code: SpecDiffErrorCode;

  constructor(code: SpecDiffErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True for a {@link SpecDiffError}, also across module copies (checks `name` and `code`). */
export function isSpecDiffError(error: unknown): error is SpecDiffError {
  return (
    error instanceof SpecDiffError ||
    (error instanceof Error &&
      error.name === "SpecDiffError" &&
      typeof (error as { code?: unknown }).code === "string")
  );
}

export { main } from "./cli.js";
export type { CodegenErrorCode, SpecLocation, SpecProblem } from "./errors.js";
export { CodegenError, formatProblem } from "./errors.js";
export type { GenerateOptions, GenerateResult } from "./generate.js";
export { generate } from "./generate.js";
export type { LoadedSpec, LoadSpecOptions } from "./load-spec.js";
export { createLintConfig, loadSpec } from "./load-spec.js";
export type {
  OperationInfo,
  SecurityModel,
  SecurityRequirement,
  SecuritySchemeInfo,
} from "./security-model.js";
export { readSecurityModel, scopeAlternatives } from "./security-model.js";
export { findStaleFiles, writeFilesAtomically } from "./write-files.js";

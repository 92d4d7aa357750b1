/** The pipeline: load (lint + bundle) → emit every artifact in memory. Nothing touches disk here. */
import { relative, resolve, sep } from "node:path";
import { emitAuth } from "./emit/auth.js";
import { generatedHeader } from "./emit/header.js";
import { emitOperations } from "./emit/operations.js";
import { emitSchema } from "./emit/schema.js";
import type { SpecProblem } from "./errors.js";
import { type LoadSpecOptions, loadSpec } from "./load-spec.js";
import { readOperationModel } from "./operation-model.js";
import { readSecurityModel } from "./security-model.js";

export interface GenerateOptions extends LoadSpecOptions {
  /** Path of the spec file. */
  spec: string;
  /** Folder the files are meant for; only used to name the spec in the header. */
  out: string;
}

export interface GenerateResult {
  /** File name (inside `out`) → contents. */
  files: ReadonlyMap<string, string>;
  warnings: readonly SpecProblem[];
}

/**
 * Generates `schema.gen.ts`, `auth.gen.ts` and `operations.gen.ts` for one spec, in memory.
 * @throws {CodegenError} when the spec cannot be generated (see {@link loadSpec}).
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const spec = await loadSpec(options.spec, options);
  // Named relative to the output folder, so the header is the same on every machine.
  const specLabel = relative(resolve(options.out), spec.path).split(sep).join("/");
  const header = generatedHeader(specLabel, spec.hash);
  const files = new Map<string, string>([
    ["auth.gen.ts", emitAuth(readSecurityModel(spec.document), header)],
    ["operations.gen.ts", emitOperations(readOperationModel(spec.document), header)],
    ["schema.gen.ts", await emitSchema(spec.document, header)],
  ]);
  return { files, warnings: spec.warnings };
}

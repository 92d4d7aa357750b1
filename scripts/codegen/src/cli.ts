/**
 * `org-codegen --spec <file> --out <dir> [--strict] [--check] [--lint-only]`
 *
 * Lints the spec, then writes `schema.gen.ts` (openapi-typescript) and `auth.gen.ts` (scopes,
 * operation scope table, token URLs, servers) into `--out`. Without `--strict`, lint findings are
 * warnings and only what makes generation impossible fails. `--check` writes nothing and fails
 * when the files in `--out` differ from what the spec produces. Exit codes: 0 ok, 1 spec problem
 * or stale output, 2 usage.
 */
import { parseArgs } from "node:util";
import { CodegenError, formatProblem } from "./errors.js";
import { generate } from "./generate.js";
import { loadSpec } from "./load-spec.js";
import { findStaleFiles, writeFilesAtomically } from "./write-files.js";

const USAGE = `Usage: org-codegen --spec <openapi.yaml|json> --out <dir> [options]

Options:
  --spec <file>   OpenAPI 3.0 or 3.1 document, YAML or JSON (relative $refs allowed)
  --out <dir>     where schema.gen.ts and auth.gen.ts are written
  --strict        every lint finding is an error (used for the specs in specs/)
  --check         write nothing; exit 1 if the files in --out are not what the spec generates
  --lint-only     lint the spec and exit (no --out needed)
  -h, --help      show this help`;

type Output = Pick<Console, "log" | "error">;

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], output: Output = console): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    output.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    output.log(USAGE);
    return 0;
  }
  if (!values.spec || (!values.out && !values["lint-only"])) {
    output.error(`Missing ${values.spec ? "--out" : "--spec"}.\n\n${USAGE}`);
    return 2;
  }

  try {
    if (values["lint-only"]) {
      const spec = await loadSpec(values.spec, { strict: values.strict });
      for (const warning of spec.warnings) output.error(formatProblem(warning));
      output.log(
        `${values.spec}: lint ok${spec.warnings.length ? ` (${spec.warnings.length} warning(s))` : ""}`,
      );
      return 0;
    }
    const out = values.out as string;
    const { files, warnings } = await generate({ spec: values.spec, out, strict: values.strict });
    for (const warning of warnings) output.error(formatProblem(warning));
    if (values.check) {
      const stale = await findStaleFiles(out, files);
      if (stale.length > 0) {
        output.error(`Generated files are stale in ${out}: ${stale.join(", ")}. Run \`pnpm generate\`.`);
        return 1;
      }
      output.log(`${out}: up to date with ${values.spec}`);
      return 0;
    }
    await writeFilesAtomically(out, files);
    output.log(`${values.spec} → ${out}: ${[...files.keys()].join(", ")}`);
    return 0;
  } catch (error) {
    if (!(error instanceof CodegenError)) throw error;
    output.error(`${error.code}: ${error.message}`);
    for (const problem of error.problems) output.error(`  ${formatProblem(problem)}`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    options: {
      spec: { type: "string" },
      out: { type: "string" },
      strict: { type: "boolean", default: false },
      check: { type: "boolean", default: false },
      "lint-only": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

/**
 * `pnpm spec:changeset <provider> [--base <git-ref>] [--base-spec <file>] [--dry-run] [--cwd <dir>]`
 *
 * Compares `specs/<provider>/openapi.yaml` with the last released spec and writes a changeset for
 * `@org/<provider>-client` with the bump the change needs. Exit codes: 0 done (also when nothing
 * changed), 1 a `SPEC_DIFF_*` error, 2 bad usage.
 */
import { realpathSync } from "node:fs";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { isSpecDiffError } from "./errors.js";
import { specChangeset } from "./spec-changeset.js";

const USAGE = `Usage: pnpm spec:changeset <provider> [options]

Compares specs/<provider>/openapi.yaml with the last released spec and writes
.changeset/<name>.md for @org/<provider>-client with the right bump.

The base is, in this order: --base-spec; the tag @org/<provider>-client@<version>;
--base; an empty spec when the package is at 0.0.0 (initial release).

Options:
  --base <git-ref>     compare with specs/<provider>/ at this commit, branch or tag
  --base-spec <file>   compare with this spec file instead of anything from git
  --dry-run            print the changeset, write nothing
  --cwd <dir>          workspace root (specs/, packages/, .changeset/); default: current directory
  -h, --help           show this help`;

type Output = Pick<Console, "log" | "error">;

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], output: Output = console): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    output.error(`SPEC_DIFF_USAGE: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    output.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] === undefined) {
    output.error(
      `SPEC_DIFF_USAGE: expected one provider, got ${positionals.length ? positionals.join(" ") : "none"}.\n\n${USAGE}`,
    );
    return 2;
  }

  const cwd = resolve(values.cwd ?? process.cwd());
  try {
    const result = await specChangeset({
      provider: positionals[0],
      cwd,
      base: values.base,
      baseSpec: values["base-spec"],
      dryRun: values["dry-run"],
    });
    output.error(`base: ${result.base.label}`);
    if (result.base.kind !== "file" && result.base.kind !== "empty" && result.base.note) {
      output.error(`note: ${result.base.note}`);
    }
    if (result.changeset === undefined || result.content === undefined) {
      output.log(
        `No API changes in ${result.provider.specFolder} since ${result.base.label}: no changeset written.`,
      );
      return 0;
    }
    if (result.file === undefined) {
      output.log(result.content);
      output.error(`dry run: ${result.changeset.packageName} ${result.changeset.bump}; nothing written.`);
      return 0;
    }
    output.log(
      `Wrote ${relative(cwd, result.file)}: "${result.changeset.packageName}": ${result.changeset.bump} ` +
        `(${result.classification.changes.length} change(s)).`,
    );
    return 0;
  } catch (error) {
    if (!isSpecDiffError(error)) throw error;
    output.error(`${error.code}: ${error.message}`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      base: { type: "string" },
      "base-spec": { type: "string" },
      "dry-run": { type: "boolean", default: false },
      cwd: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}

/** Writes the changeset with `@changesets/write` 0.4.0, or renders the same file for `--dry-run`. */

import { join } from "node:path";
import writeChangeset from "@changesets/write";
import type { Impact } from "./changes.js";

/** A changeset for one package. */
export interface SpecChangeset {
  packageName: string;
  bump: Impact;
  summary: string;
}

/**
 * The file `@changesets/write` writes for this changeset (with `prettier: false`), for `--dry-run`.
 * @see https://github.com/changesets/changesets/blob/main/packages/write/src/index.ts
 */
export function formatChangesetFile(changeset: SpecChangeset): string {
  return `---\n"${changeset.packageName}": ${changeset.bump}\n---\n\n${changeset.summary}\n`;
}

/**
 * Writes `<cwd>/.changeset/<random-name>.md` (the folder is created when missing).
 * @returns the path of the written file.
 */
export async function writeSpecChangeset(changeset: SpecChangeset, cwd: string): Promise<string> {
  const id = await writeChangeset(
    { summary: changeset.summary, releases: [{ name: changeset.packageName, type: changeset.bump }] },
    cwd,
    { prettier: false },
  );
  return join(cwd, ".changeset", `${id}.md`);
}

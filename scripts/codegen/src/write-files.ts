/** Writes generated files atomically, or compares them with what is on disk. */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Writes every file to a temporary sibling first, then renames them into place: a failure
 * while writing leaves the previous files as they were.
 */
export async function writeFilesAtomically(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const suffix = `.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const staged: Array<[string, string]> = [];
  try {
    for (const [name, contents] of files) {
      const target = join(dir, name);
      await writeFile(target + suffix, contents);
      staged.push([target + suffix, target]);
    }
  } catch (error) {
    await Promise.all(staged.map(([temp]) => rm(temp, { force: true })));
    throw error;
  }
  for (const [temp, target] of staged) await rename(temp, target);
}

/** The names of the files whose contents on disk differ from `files` (missing files included). */
export async function findStaleFiles(dir: string, files: ReadonlyMap<string, string>): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, contents] of files) {
    const current = await readFile(join(dir, name), "utf8").catch(() => undefined);
    if (current !== contents) stale.push(name);
  }
  return stale;
}

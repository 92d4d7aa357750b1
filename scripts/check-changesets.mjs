#!/usr/bin/env node
// Fails when a public package's source or spec changed since its last release and no pending
// changeset names it. Works on a clean clone without tags or branches: what was released is
// recorded in .changeset/released.json (file hashes per package), written by `pnpm release:version`.
//
//   node scripts/check-changesets.mjs            check (CI)
//   node scripts/check-changesets.mjs --record   record the current state as released
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const recordFile = join(root, ".changeset", "released.json");

/** Files that change what users get: sources, generated code, the spec; not tests or docs. */
const isReleaseInput = (file) =>
  !/(^|\/)test\//.test(file) && !/\.test(-d)?\.ts$/.test(file) && !/(README|CHANGELOG)\.md$/.test(file);

function publicPackages() {
  return readdirSync(join(root, "packages")).flatMap((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
    if (manifest.private) return [];
    const spec = dir.endsWith("-client") ? `specs/${dir.slice(0, -"-client".length)}` : undefined;
    return [
      { name: manifest.name, version: manifest.version, paths: [`packages/${dir}`, ...(spec ? [spec] : [])] },
    ];
  });
}

function fileHashes(paths) {
  const files = execFileSync(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "--", ...paths],
    {
      cwd: root,
      encoding: "utf8",
    },
  )
    .split("\n")
    .filter((file) => file && isReleaseInput(file))
    .sort();
  return Object.fromEntries(
    files.map((file) => {
      let contents = readFileSync(join(root, file));
      // The version field changes at every release; it is not a change of its own.
      if (file.endsWith("/package.json")) {
        const { version: _version, ...rest } = JSON.parse(contents.toString("utf8"));
        contents = Buffer.from(JSON.stringify(rest));
      }
      return [file, createHash("sha256").update(contents).digest("hex").slice(0, 16)];
    }),
  );
}

/** Package names listed in the front matter of pending changesets. */
function pendingChangesetPackages() {
  const dir = join(root, ".changeset");
  const names = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md")) {
    const [, front = ""] = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), "utf8")) ?? [];
    for (const [, name] of front.matchAll(/^["']?(@?[^"':\s]+)["']?\s*:/gm)) names.add(name);
  }
  return names;
}

const packages = publicPackages();
if (process.argv.includes("--record")) {
  const record = Object.fromEntries(
    packages.map((p) => [p.name, { version: p.version, files: fileHashes(p.paths) }]),
  );
  writeFileSync(recordFile, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`recorded ${packages.length} package(s) as released in .changeset/released.json`);
  process.exit(0);
}

let released = {};
try {
  released = JSON.parse(readFileSync(recordFile, "utf8"));
} catch {}
const pending = pendingChangesetPackages();
let missing = 0;
for (const pkg of packages) {
  const before = released[pkg.name]?.files;
  const now = fileHashes(pkg.paths);
  const changed = before
    ? [...new Set([...Object.keys(before), ...Object.keys(now)])].filter((file) => before[file] !== now[file])
    : ["(never released)"];
  if (changed.length === 0) {
    console.log(`ok - ${pkg.name}: unchanged since ${released[pkg.name].version}`);
  } else if (pending.has(pkg.name)) {
    const what = before ? `${changed.length} changed file(s)` : "never released";
    console.log(`ok - ${pkg.name}: ${what}, covered by a pending changeset`);
  } else {
    missing++;
    console.error(
      `not ok - ${pkg.name} changed without a changeset: ${changed.slice(0, 10).join(", ")}${changed.length > 10 ? ", ..." : ""}\n` +
        "  Run `pnpm changeset` (or `pnpm spec:changeset <provider>` for a spec change) and commit the file.",
    );
  }
}
process.exit(missing > 0 ? 1 : 0);

#!/usr/bin/env node
// Package checks for every public package: publint (package.json and files) and
// @arethetypeswrong/cli (types resolve for node16/nodenext ESM and bundler). Needs `pnpm build` first.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const packagesDir = join(root, "packages");
const publics = readdirSync(packagesDir)
  .map((name) => join(packagesDir, name))
  .filter((dir) => {
    try {
      return !JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).private;
    } catch {
      return false;
    }
  });

let failed = 0;
for (const dir of publics) {
  const { name } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  for (const [tool, args] of [
    ["publint", ["--strict", dir]],
    ["attw", ["--pack", dir, "--profile", "esm-only", "--format", "ascii"]],
  ]) {
    try {
      execFileSync("pnpm", ["exec", tool, ...args], { cwd: root, stdio: "pipe" });
      console.log(`ok - ${tool} ${name}`);
    } catch (error) {
      failed++;
      console.error(`not ok - ${tool} ${name}\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    }
  }
}
console.log(`package checks: ${publics.length * 2 - failed} ok, ${failed} not ok`);
process.exit(failed > 0 ? 1 : 0);

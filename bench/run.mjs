#!/usr/bin/env node
// `pnpm bench`: every benchmark under bench/, each printing ratios against a baseline measured
// in the same run (the machine is shared and noisy; absolute times mean little).
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const here = new URL(".", import.meta.url).pathname;
for (const name of readdirSync(here).sort()) {
  const entry = join(here, name, "run.mjs");
  if (!statSync(join(here, name)).isDirectory()) continue;
  console.log(`\n## bench/${name}`);
  execFileSync(process.execPath, [entry], { stdio: "inherit" });
}

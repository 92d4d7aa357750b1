#!/usr/bin/env node
// Consumer smoke test: `pnpm pack` every public package, install the tarballs with npm into a fresh
// project outside the workspace, compile a TypeScript consumer with `node16` and with `bundler`
// resolution, and run it against the local Borderbolt and bol simulators. Needs `pnpm build` first.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startConsumerSimulators } from "./simulator-process.mjs";

const root = new URL("../..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "org-consumer-"));
const tarballs = join(work, "tarballs");
const project = join(work, "project");
const run = (cmd, args, cwd, env = {}) =>
  execFileSync(cmd, args, {
    cwd,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    env: { ...process.env, ...env },
  });

const publics = readdirSync(join(root, "packages")).filter(
  (name) => !JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8")).private,
);
const typescript = JSON.parse(
  readFileSync(join(root, "node_modules/typescript/package.json"), "utf8"),
).version;

let simulators;
try {
  mkdirSync(tarballs);
  for (const name of publics)
    run("pnpm", ["pack", "--pack-destination", tarballs], join(root, "packages", name));
  const packed = readdirSync(tarballs).map((file) => join(tarballs, file));
  console.log(`packed: ${readdirSync(tarballs).join(", ")}`);

  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  run(
    "npm",
    ["install", "--no-audit", "--no-fund", ...packed, `typescript@${typescript}`, "@types/node@20"],
    project,
  );
  cpSync(join(root, "scripts/consumer-smoke/consumer.ts"), join(project, "consumer.ts"));

  const compilerOptions = {
    strict: true,
    target: "es2022",
    skipLibCheck: false,
    types: ["node"],
    lib: ["es2023", "dom"],
  };
  for (const [name, options] of [
    ["node16", { module: "node16", moduleResolution: "node16", outDir: "out-node16" }],
    ["bundler", { module: "esnext", moduleResolution: "bundler", outDir: "out-bundler" }],
  ]) {
    writeFileSync(
      join(project, `tsconfig.${name}.json`),
      JSON.stringify({ compilerOptions: { ...compilerOptions, ...options }, files: ["consumer.ts"] }),
    );
    run(join(project, "node_modules/.bin/tsc"), ["-p", `tsconfig.${name}.json`], project);
    console.log(`ok - consumer compiles with moduleResolution ${name}`);
  }

  simulators = await startConsumerSimulators();
  const output = JSON.parse(run("node", ["out-node16/consumer.js"], project, simulators.env));
  const expected = {
    declarations: 3,
    total: 60,
    tokenScope: ["declarations:read"],
    scopes: 22,
    wrongSecret: "AUTH_OAUTH_ERROR",
    bolOrders: 50,
    shipment: "SUCCESS",
  };
  if (JSON.stringify(output) !== JSON.stringify(expected)) {
    throw new Error(`consumer output ${JSON.stringify(output)} is not ${JSON.stringify(expected)}`);
  }
  console.log(`ok - installed packages get a token and call the simulator: ${JSON.stringify(output)}`);
} finally {
  simulators?.stop();
  rmSync(work, { recursive: true, force: true });
}

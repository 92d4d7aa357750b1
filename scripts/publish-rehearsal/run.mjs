#!/usr/bin/env node
// Publish rehearsal, as users install: on a copy of the repository, `changeset version` and
// `changeset publish` to a throwaway Verdaccio on loopback; then a fresh consumer runs
// `pnpm add @org/borderbolt-client @org/bol-retailer-client` (and `npm install` for the other
// packages in a second consumer) against that registry, compiles, and calls the local simulators.
// Needs `pnpm build` first (the copy carries the built dist/ folders).
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { startConsumerSimulators } from "../consumer-smoke/simulator-process.mjs";
import { startVerdaccio } from "./verdaccio.mjs";

const root = new URL("../..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "org-publish-"));
const bin = (name) => join(root, "node_modules/.bin", name);
const run = (cmd, args, cwd, env = {}) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });

/** The tracked files plus the built dist/ folders, without node_modules. */
function copyRepository(target) {
  const files = run("git", ["ls-files", "--cached", "--others", "--exclude-standard"], root)
    .split("\n")
    .filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(root, file), join(target, file));
  }
  for (const dir of readdirSync(join(root, "packages"))) {
    const dist = join(root, "packages", dir, "dist");
    if (existsSync(dist)) cpSync(dist, join(target, "packages", dir, "dist"), { recursive: true });
  }
}

let registry;
const stops = [];
try {
  registry = await startVerdaccio({
    toolsDir: join(root, ".tmp/verdaccio"),
    storageDir: join(work, "verdaccio"),
  });
  const host = registry.url.replace(/^http:/, "");
  const npmrc = `registry=${registry.url}\n${host}:_authToken=rehearsal-token\n`;
  const registryEnv = {
    npm_config_registry: registry.url,
    npm_config_userconfig: join(work, "npmrc"),
    // The workspace's minimumReleaseAge (inherited through `pnpm run`) would refuse what was just published.
    npm_config_minimum_release_age: "0",
  };
  writeFileSync(join(work, "npmrc"), npmrc);

  // 1. Version and publish, as a maintainer does, on a copy (the working tree stays as it is).
  const repo = join(work, "repo");
  copyRepository(repo);
  // Links the workspace packages, so `pnpm publish` can turn `workspace:^` into versions.
  run("pnpm", ["install", "--offline", "--frozen-lockfile", "--ignore-scripts", "--reporter=silent"], repo);
  run(bin("changeset"), ["version"], repo);
  const published = readdirSync(join(repo, "packages"))
    .map((dir) => JSON.parse(readFileSync(join(repo, "packages", dir, "package.json"), "utf8")))
    .filter((manifest) => !manifest.private);
  console.log(`changeset version: ${published.map((p) => `${p.name}@${p.version}`).join(", ")}`);
  const publishLog = run(bin("changeset"), ["publish", "--no-git-tag"], repo, registryEnv);
  for (const { name, version } of published) {
    const meta = await fetch(`${registry.url}${name.replace("/", "%2f")}`).then((r) => r.json());
    if (!meta.versions?.[version])
      throw new Error(`${name}@${version} is not on the registry:\n${publishLog}`);
  }
  console.log(`ok - changeset publish put ${published.length} packages on the local registry`);

  // 2. Consumers install from the registry, as users do.
  const consumer = join(work, "consumer");
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  writeFileSync(join(consumer, ".npmrc"), npmrc);
  const typescript = JSON.parse(
    readFileSync(join(root, "node_modules/typescript/package.json"), "utf8"),
  ).version;
  // The consumer also imports @org/auth itself, so it is a direct dependency too.
  const pnpmAdd = ["@org/borderbolt-client", "@org/bol-retailer-client", "@org/auth"].filter((name) =>
    published.some((p) => p.name === name),
  );
  run("pnpm", ["add", ...pnpmAdd, `typescript@${typescript}`, "@types/node@20"], consumer, registryEnv);
  console.log(`ok - pnpm add ${pnpmAdd.join(" ")} from the local registry`);

  const others = join(work, "consumer-npm");
  mkdirSync(others);
  writeFileSync(
    join(others, "package.json"),
    JSON.stringify({ name: "consumer-npm", private: true, type: "module" }),
  );
  writeFileSync(join(others, ".npmrc"), npmrc);
  const rest = published.map((p) => p.name).filter((name) => !pnpmAdd.includes(name));
  run("npm", ["install", "--no-audit", "--no-fund", ...rest], others, registryEnv);
  for (const name of rest) {
    run("node", ["--input-type=module", "-e", `await import(${JSON.stringify(name)})`], others);
  }
  console.log(`ok - npm install ${rest.join(" ")} from the local registry; each imports`);

  // 3. Compile and run the consumer against the local simulators.
  cpSync(join(root, "scripts/consumer-smoke/consumer.ts"), join(consumer, "consumer.ts"));
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: "es2022",
        module: "node16",
        moduleResolution: "node16",
        outDir: "out",
        types: ["node"],
        lib: ["es2023", "dom"],
      },
      files: ["consumer.ts"],
    }),
  );
  run(join(consumer, "node_modules/.bin/tsc"), ["-p", "."], consumer);
  const simulators = await startConsumerSimulators();
  stops.push(simulators.stop);
  const output = run("node", ["out/consumer.js"], consumer, simulators.env);
  console.log(`ok - the installed clients call the simulators: ${output.trim()}`);
} finally {
  for (const stop of stops) stop();
  registry?.stop();
  rmSync(work, { recursive: true, force: true });
}

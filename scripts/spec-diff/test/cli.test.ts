/** `spec:changeset` end to end: `--base-spec`, `--dry-run`, `--cwd`, git bases, and its errors. */
import { execFile } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { parseRedoclyReport, runRedoclyDiff } from "../src/redocly-diff.js";
import { specChangeset } from "../src/spec-changeset.js";
import {
  captureOutput,
  fixture,
  git,
  gitInitAndCommit,
  type TempWorkspace,
  tempWorkspace,
} from "./helpers.js";

const PACKAGE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

const workspaces: TempWorkspace[] = [];
function workspace(options?: Parameters<typeof tempWorkspace>[0]): TempWorkspace {
  const created = tempWorkspace(options);
  workspaces.push(created);
  return created;
}
afterAll(() => {
  for (const created of workspaces.splice(0)) created.cleanup();
});

function changesetFiles(dir: string): string[] {
  const folder = join(dir, ".changeset");
  return existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith(".md")) : [];
}

describe.concurrent("spec:changeset with --base-spec", () => {
  it("--dry-run prints the changeset and writes nothing", async () => {
    const ws = workspace();
    ws.setSpec(fixture("removed-operation", "head.yaml"));
    const output = captureOutput();
    const code = await main(
      ["x", "--base-spec", fixture("removed-operation", "base.yaml"), "--dry-run", "--cwd", ws.dir],
      output,
    );
    expect(code, output.err.join("\n")).toBe(0);
    const printed = output.out.join("\n");
    expect(printed).toMatch(/^---\n"@org\/x-client": major\n---\n/);
    expect(printed).toContain("`DELETE /pets/{petId}`: Operation `DELETE /pets/{petId}` was removed.");
    expect(output.err.join("\n")).toContain("nothing written");
    expect(changesetFiles(ws.dir)).toEqual([]);
  });

  it("writes .changeset/<name>.md under --cwd, readable back with its front matter", async () => {
    const ws = workspace();
    ws.setSpec(fixture("scope-removed-from-scheme", "head.yaml"));
    const output = captureOutput();
    const code = await main(
      ["x", "--base-spec", fixture("scope-removed-from-scheme", "base.yaml"), "--cwd", ws.dir],
      output,
    );
    expect(code, output.err.join("\n")).toBe(0);
    const [file, ...others] = changesetFiles(ws.dir);
    expect(others).toEqual([]);
    expect(file).toBeDefined();
    const written = readFileSync(join(ws.dir, ".changeset", file as string), "utf8");
    const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(written) ?? [];
    expect(frontMatter).toBe('"@org/x-client": major');
    expect(body).toContain("Scope `pets:export` was removed");
    expect(output.out.join("\n")).toContain(`Wrote .changeset/${file}`);
  });

  it("--dry-run renders exactly the file @changesets/write writes", async () => {
    const ws = workspace();
    ws.setSpec(fixture("added-operation", "head.yaml"));
    const result = await specChangeset({
      provider: "x",
      cwd: ws.dir,
      baseSpec: fixture("added-operation", "base.yaml"),
    });
    expect(result.changeset?.bump).toBe("minor");
    expect(result.file).toBeDefined();
    // the same text a --dry-run prints (@changesets/write adds trailing blanks after the summary)
    expect(readFileSync(result.file as string, "utf8").trimEnd()).toBe(result.content?.trimEnd());
  });

  it("writes nothing when only info.version changed", async () => {
    const ws = workspace();
    ws.setSpec(fixture("version-only", "head.yaml"));
    const output = captureOutput();
    const code = await main(
      ["x", "--base-spec", fixture("version-only", "base.yaml"), "--cwd", ws.dir],
      output,
    );
    expect(code).toBe(0);
    expect(output.out.join("\n")).toContain("No API changes");
    expect(changesetFiles(ws.dir)).toEqual([]);
  });

  it("runs as `tsx src/cli.ts`, the root spec:changeset script", async () => {
    const ws = workspace();
    ws.setSpec(fixture("added-optional-param", "head.yaml"));
    const tsx = join(PACKAGE_DIR, "node_modules", ".bin", "tsx");
    const run = promisify(execFile);
    const ok = await run(
      tsx,
      [
        "src/cli.ts",
        "x",
        "--base-spec",
        fixture("added-optional-param", "base.yaml"),
        "--dry-run",
        "--cwd",
        ws.dir,
      ],
      { cwd: PACKAGE_DIR },
    );
    expect(ok.stdout).toContain('"@org/x-client": minor');
  });
});

describe.concurrent("spec:changeset base from git", () => {
  it("compares a multi-file spec with the release tag @org/x-client@<version>", async () => {
    const ws = workspace({ version: "1.0.0" });
    const specDir = join(ws.dir, "specs", "x");
    rmSync(specDir, { recursive: true });
    cpSync(join(fixture("multi-file", "")), specDir, { recursive: true });
    writeFileSync(join(specDir, "openapi.yaml"), readFileSync(join(specDir, "base.yaml"), "utf8"));
    gitInitAndCommit(ws.dir);
    git(ws.dir, "tag", "@org/x-client@1.0.0");
    writeFileSync(join(specDir, "openapi.yaml"), readFileSync(join(specDir, "head.yaml"), "utf8"));

    const result = await specChangeset({ provider: "x", cwd: ws.dir, base: "does-not-matter", dryRun: true });
    expect(result.base).toMatchObject({ kind: "tag", ref: "@org/x-client@1.0.0" });
    expect(result.base.kind === "tag" && result.base.note).toContain("--base does-not-matter ignored");
    expect(result.changeset?.bump).toBe("major");
    expect(result.content).toContain("since tag @org/x-client@1.0.0");
    // the base's $refs were resolved inside the extracted folder, shown relative to it
    expect(result.content).toContain("`parts-base/schemas.yaml#/Pet/properties/name`");
    expect(result.content).toContain("Scope `pets:write` was removed");
  });

  it("uses --base <ref> when the version has no tag", async () => {
    const ws = workspace({ version: "1.0.0" });
    ws.setSpec(fixture("new-required-query-param", "base.yaml"));
    gitInitAndCommit(ws.dir);
    ws.setSpec(fixture("new-required-query-param", "head.yaml"));
    const output = captureOutput();
    const code = await main(["x", "--base", "HEAD", "--dry-run", "--cwd", ws.dir], output);
    expect(code, output.err.join("\n")).toBe(0);
    expect(output.err.join("\n")).toContain("base: git ref HEAD (");
    expect(output.out.join("\n")).toContain('"@org/x-client": major');
    expect(output.out.join("\n")).toContain("Required `status` query parameter was added");
  });

  it("writes a minor initial-release changeset for a package at 0.0.0 without a tag", async () => {
    const ws = workspace({ version: "0.0.0" });
    ws.setSpec(fixture("added-operation", "head.yaml"));
    gitInitAndCommit(ws.dir);
    const result = await specChangeset({ provider: "x", cwd: ws.dir });
    expect(result.base.kind).toBe("empty");
    expect(result.changeset).toEqual({
      packageName: "@org/x-client",
      bump: "minor",
      summary: "Initial release of `@org/x-client`: 5 operations from `specs/x/openapi.yaml`.",
    });
    expect(readFileSync(result.file as string, "utf8")).toMatch(/^---\n"@org\/x-client": minor\n---\n/);
  });

  it("fails with SPEC_DIFF_GIT_REF_MISSING for a --base the clone does not have", async () => {
    const ws = workspace({ version: "1.0.0" });
    ws.setSpec(fixture("added-operation", "head.yaml"));
    gitInitAndCommit(ws.dir);
    await expect(specChangeset({ provider: "x", cwd: ws.dir, base: "origin/main" })).rejects.toMatchObject({
      code: "SPEC_DIFF_GIT_REF_MISSING",
      message: expect.stringContaining("--base origin/main"),
    });
  });

  it("fails with SPEC_DIFF_BASE_UNKNOWN for a released version whose tag is missing and no --base", async () => {
    const ws = workspace({ version: "1.2.0" });
    ws.setSpec(fixture("added-operation", "head.yaml"));
    gitInitAndCommit(ws.dir);
    await expect(specChangeset({ provider: "x", cwd: ws.dir })).rejects.toMatchObject({
      code: "SPEC_DIFF_BASE_UNKNOWN",
      message: expect.stringContaining("@org/x-client@1.2.0"),
    });
  });

  it("fails with SPEC_DIFF_SPEC_MISSING when the spec folder is not at the base commit", async () => {
    const ws = workspace({ version: "1.0.0" });
    writeFileSync(join(ws.dir, "README.md"), "x\n");
    git(ws.dir, "init", "-q", "-b", "main");
    git(ws.dir, "add", "README.md");
    git(ws.dir, "commit", "-q", "-m", "no spec yet");
    ws.setSpec(fixture("added-operation", "head.yaml"));
    await expect(specChangeset({ provider: "x", cwd: ws.dir, base: "HEAD" })).rejects.toMatchObject({
      code: "SPEC_DIFF_SPEC_MISSING",
      message: expect.stringContaining("specs/x/openapi.yaml does not exist at HEAD"),
    });
  });
});

describe.concurrent("spec:changeset errors", () => {
  it("names the known providers for an unknown one", async () => {
    const ws = workspace();
    ws.setSpec(fixture("added-operation", "head.yaml"));
    await expect(specChangeset({ provider: "nope", cwd: ws.dir })).rejects.toMatchObject({
      code: "SPEC_DIFF_UNKNOWN_PROVIDER",
      message: expect.stringContaining("Known providers: x."),
    });
  });

  it("says which spec file is missing", async () => {
    const ws = workspace();
    await expect(specChangeset({ provider: "x", cwd: ws.dir, baseSpec: "base.yaml" })).rejects.toMatchObject({
      code: "SPEC_DIFF_SPEC_MISSING",
      message: expect.stringContaining(join(ws.dir, "specs", "x", "openapi.yaml")),
    });
  });

  it("says which --base-spec file is missing", async () => {
    const ws = workspace();
    ws.setSpec(fixture("added-operation", "head.yaml"));
    await expect(specChangeset({ provider: "x", cwd: ws.dir, baseSpec: "nope.yaml" })).rejects.toMatchObject({
      code: "SPEC_DIFF_SPEC_MISSING",
      message: expect.stringContaining("--base-spec nope.yaml"),
    });
  });

  it("refuses a provider without a client package", async () => {
    const ws = workspace({ withPackage: false });
    ws.setSpec(fixture("added-operation", "head.yaml"));
    await expect(specChangeset({ provider: "x", cwd: ws.dir })).rejects.toMatchObject({
      code: "SPEC_DIFF_PACKAGE_MISSING",
      message: expect.stringContaining("@org/x-client"),
    });
  });

  it("reports a spec that is not YAML with its file", async () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, "specs", "x", "openapi.yaml"), "openapi: 3.1.0\ninfo: [\n");
    await expect(
      specChangeset({ provider: "x", cwd: ws.dir, baseSpec: fixture("added-operation", "base.yaml") }),
    ).rejects.toMatchObject({
      code: "SPEC_DIFF_SPEC_INVALID",
      message: expect.stringContaining(join(ws.dir, "specs", "x", "openapi.yaml")),
    });
  });

  it("carries Redocly's stderr when redocly diff fails", async () => {
    const ws = workspace();
    await expect(
      runRedoclyDiff({
        base: fixture("added-operation", "base.yaml"),
        revision: "missing.yaml",
        cwd: ws.dir,
      }),
    ).rejects.toMatchObject({
      code: "SPEC_DIFF_REDOCLY_FAILED",
      message: expect.stringContaining("missing.yaml does not exist or is invalid"),
    });
  });

  it("rejects a report format it was not verified against", () => {
    expect(() => parseRedoclyReport('{"reportVersion":"2","changes":[]}')).toThrow(
      expect.objectContaining({ code: "SPEC_DIFF_REDOCLY_OUTPUT" }),
    );
    expect(() => parseRedoclyReport("not json")).toThrow(
      expect.objectContaining({ code: "SPEC_DIFF_REDOCLY_OUTPUT" }),
    );
  });

  it("exits 1 with the error code on stderr", async () => {
    const ws = workspace();
    const output = captureOutput();
    expect(await main(["nope", "--cwd", ws.dir], output)).toBe(1);
    expect(output.err.join("\n")).toMatch(/^SPEC_DIFF_UNKNOWN_PROVIDER: Unknown provider "nope"/);
  });

  it("exits 2 with usage for a missing provider argument", async () => {
    const output = captureOutput();
    expect(await main([], output)).toBe(2);
    expect(output.err.join("\n")).toContain("SPEC_DIFF_USAGE");
  });
});

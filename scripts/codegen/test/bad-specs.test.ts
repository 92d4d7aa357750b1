import { describe, expect, test } from "vitest";
import { fixture, runCli, snapshotDir, withTempDir } from "./helpers.js";

const cases = [
  {
    file: "bad/yaml-syntax.yaml",
    code: "CODEGEN_SPEC_SYNTAX",
    location: "bad/yaml-syntax.yaml:8:1",
    pointer: "#",
  },
  {
    file: "bad/dangling-ref.yaml",
    code: "CODEGEN_SPEC_INVALID",
    location: "bad/dangling-ref.yaml:12:23",
    pointer: "#/paths/~1a/get/responses/200/content/application~1json/schema",
    detail: "Can't resolve $ref",
  },
  {
    file: "bad/undeclared-scope.yaml",
    code: "CODEGEN_SPEC_INVALID",
    location: "bad/undeclared-scope.yaml:8:28",
    pointer: "#/paths/~1a/get/security/0/oauth2/1",
    detail: "Scope `a:wrte` is not declared by security scheme `oauth2`",
  },
  {
    file: "bad/duplicate-operation-id.yaml",
    code: "CODEGEN_SPEC_INVALID",
    location: "bad/duplicate-operation-id.yaml:10:7",
    pointer: "#/paths/~1b/get/operationId",
    detail: "operationId `getThing` is already used by the operation at #/paths/~1a/get",
  },
  {
    file: "bad/not-openapi.yaml",
    code: "CODEGEN_NOT_OPENAPI",
    location: "bad/not-openapi.yaml:1:1",
    pointer: "#/openapi",
  },
  {
    file: "bad/no-such-file.yaml",
    code: "CODEGEN_SPEC_UNREADABLE",
    location: "bad/no-such-file.yaml",
    pointer: "",
  },
] as const;

describe("a bad spec", () => {
  for (const c of cases) {
    test(`${c.file} fails with ${c.code}, names file, line and pointer, and keeps the old output`, async () => {
      await withTempDir(async (out) => {
        const good = await runCli("--spec", fixture("petstore-multifile/openapi.yaml"), "--out", out);
        expect(good.code).toBe(0);
        const before = await snapshotDir(out);

        // Lenient mode: these are fatal even for vendor specs.
        const { code, output } = await runCli("--spec", fixture(c.file), "--out", out);

        expect(code).toBe(1);
        expect(output).toContain(c.code);
        expect(output).toContain(c.location);
        expect(output).toContain(c.pointer);
        if ("detail" in c) expect(output).toContain(c.detail);
        expect(await snapshotDir(out)).toEqual(before);
      });
    });
  }
});

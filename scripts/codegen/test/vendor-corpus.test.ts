import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { generate } from "../src/generate.js";

// ReadMe's corpus of OpenAPI documents (real-world APIs such as USPTO and STAPI, and one per
// feature: callbacks, discriminators, polymorphism, multiple security requirements, server
// variables, ...). 3.0 as JSON and 3.1 as YAML, so both formats and versions are covered.
const corpus = dirname(createRequire(import.meta.url).resolve("@readme/oas-examples/package.json"));
const specs = [
  ...readdirSync(join(corpus, "3.0/json")).map((name) => join(corpus, "3.0/json", name)),
  ...readdirSync(join(corpus, "3.1/yaml")).map((name) => join(corpus, "3.1/yaml", name)),
].filter((file) => /\.(json|ya?ml)$/.test(file));

/** Documents with a real error that makes generation impossible, and the rule that says so. */
const BROKEN: Record<string, string> = {
  // Its discriminator maps to bare names of schemas that do not exist; openapi-typescript cannot resolve them.
  "3.0/json/discriminators.json": "no-unresolved-refs",
};

describe("vendor corpus (@readme/oas-examples), lenient mode", () => {
  test("has documents of both versions and formats", () => {
    expect(specs.filter((s) => s.includes("/3.0/json/")).length).toBeGreaterThan(30);
    expect(specs.filter((s) => s.includes("/3.1/yaml/")).length).toBeGreaterThan(5);
  });

  for (const spec of specs) {
    const name = spec.slice(corpus.length + 1);
    const broken = BROKEN[name];
    test(broken ? `${name} is refused (${broken})` : `${name} generates`, async () => {
      const run = generate({ spec, out: "out" });
      if (broken) {
        await expect(run).rejects.toMatchObject({
          code: "CODEGEN_SPEC_INVALID",
          problems: expect.arrayContaining([expect.objectContaining({ rule: broken })]),
        });
        return;
      }
      const { files } = await run;
      expect(files.get("schema.gen.ts")).toMatch(/^export (interface|type) paths\b/m);
      expect(files.get("auth.gen.ts")).toContain("export const OPERATION_SCOPES = {");
    });
  }
});

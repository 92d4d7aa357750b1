/**
 * The fixture corpus: every rule of the README's table, run through the real pinned `redocly diff`.
 * When `@redocly/cli` is upgraded this file says which verdicts moved.
 */
import { readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Impact } from "../src/changes.js";
import { changesetText } from "../src/changeset-text.js";
import { type Classification, classifySpecChange } from "../src/classify.js";
import { RULES } from "../src/rules/index.js";
import { FIXTURES, fixture } from "./helpers.js";

interface Case {
  /** The bump the client package needs; `undefined` for no changeset. */
  bump: Impact | undefined;
  /** Redocly's own `bump`, before our rules (so an upgrade that changes it is noticed). */
  redocly: Impact | undefined;
  /** Text the changeset must contain (operation, field, scope, rule). */
  mentions: string[];
}

const CASES: Record<string, Case> = {
  // major
  "removed-operation": {
    bump: "major",
    redocly: "major",
    mentions: ["`DELETE /pets/{petId}`", "was removed", "operation-removed"],
  },
  "removed-operation-oas30": {
    bump: "major",
    redocly: "major",
    mentions: ["`DELETE /pets/{petId}`", "was removed", "operation-removed"],
  },
  "removed-response-field": {
    bump: "major",
    redocly: "major",
    mentions: [
      "`GET /pets`",
      "Property `name` of `Pet` was removed",
      "#/components/schemas/Pet/properties/name",
    ],
  },
  "retyped-response-field": {
    bump: "major",
    redocly: "major",
    mentions: ["`GET /pets`", "Type of `id`", "'integer'", "schema-type-changed"],
  },
  "new-required-query-param": {
    bump: "major",
    redocly: "major",
    mentions: ["`GET /pets`", "Required `status` query parameter was added", "parameter-became-required"],
  },
  "new-required-body-field": {
    bump: "major",
    redocly: "major",
    mentions: ["`POST /pets`", "became required: `owner`", "required-properties-added"],
  },
  "request-enum-narrowed": {
    bump: "major",
    redocly: "major",
    mentions: ["`POST /pets`", "lost values: 'bird'", "enum-values-removed"],
  },
  "scope-removed-from-scheme": {
    bump: "major",
    redocly: undefined,
    mentions: ["Scope `pets:export` was removed", "`clientCredentials`", "spec-diff/scope-removed"],
  },
  "scope-removed-from-scheme-oas30": {
    bump: "major",
    redocly: undefined,
    mentions: ["Scope `pets:export` was removed", "spec-diff/scope-removed"],
  },
  "operation-needs-new-scope": {
    bump: "major",
    redocly: "major",
    mentions: [
      "`DELETE /pets/{petId}`",
      "requires new scopes: 'pets:export'",
      "security-requirement-changed",
    ],
  },
  "flow-removed": {
    bump: "major",
    redocly: "patch",
    mentions: [
      "OAuth flow `authorizationCode`",
      "spec-diff/flow-removed",
      "Redocly rated it patch",
      "`pets:read`",
    ],
  },
  "multi-file": {
    bump: "major",
    redocly: "major",
    mentions: [
      "`GET /pets`",
      "Property `name` was removed",
      "parts-base/schemas.yaml#/Pet/properties/name",
      "`pets:write`",
    ],
  },
  // minor
  "added-operation": {
    bump: "minor",
    redocly: "minor",
    mentions: ["Operation `GET /pets/{petId}/photos` was added"],
  },
  "added-optional-param": {
    bump: "minor",
    redocly: "minor",
    mentions: ["`GET /pets`", "Optional `status` query parameter was added"],
  },
  "added-optional-body-field": {
    bump: "minor",
    redocly: "minor",
    mentions: ["`POST /pets`", "Property `owner` in the request body was added"],
  },
  "added-response-field": {
    bump: "minor",
    redocly: "minor",
    mentions: ["`GET /pets`", "Property `birthday` in response 200 was added"],
  },
  "request-enum-widened": {
    bump: "minor",
    redocly: "patch",
    mentions: ["`POST /pets`", "gained values: 'fish'", "spec-diff/request-enum-widened"],
  },
  "response-enum-widened": {
    bump: "minor",
    redocly: "major",
    mentions: [
      "`GET /pets`",
      "gained values: 'pending'",
      "spec-diff/response-enum-widened",
      "enum-values-added",
    ],
  },
  "response-enum-widened-oas30": {
    bump: "minor",
    redocly: "major",
    mentions: ["gained values: 'pending'", "spec-diff/response-enum-widened"],
  },
  "scope-added-to-scheme": {
    bump: "minor",
    redocly: undefined,
    mentions: ["Scope `pets:admin` was added", "spec-diff/scope-added"],
  },
  // patch and none
  "description-only": {
    bump: "patch",
    redocly: "patch",
    mentions: [
      "`GET /pets`",
      "`summary` changed",
      '"List all pets"',
      "`description` in a parameter changed",
      "`examples`",
    ],
  },
  "version-only": { bump: undefined, redocly: undefined, mentions: ["no API changes"] },
};

const results = new Map<string, Classification>();
let scratch: string;

/** Runs every pair once, a few at a time (each `redocly diff` is a ~0.4 s child process). */
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "spec-diff-corpus-"));
  const names = Object.keys(CASES);
  const queue = [...names];
  const workers = Array.from({ length: Math.max(2, Math.min(availableParallelism(), 6)) }, async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const workDir = join(scratch, name);
      await mkdir(workDir);
      results.set(
        name,
        await classifySpecChange({
          baseSpec: fixture(name, "base.yaml"),
          headSpec: fixture(name, "head.yaml"),
          workDir,
        }),
      );
    }
  });
  await Promise.all(workers);
}, 120_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("fixture corpus (real redocly diff, pinned)", () => {
  it.each(Object.entries(CASES))("%s", (name, expected) => {
    const result = results.get(name);
    expect(result, `no result for ${name}`).toBeDefined();
    if (!result) return;
    const text = changesetText({
      packageName: "@org/x-client",
      specPath: "specs/x/openapi.yaml",
      baseLabel: "file base.yaml",
      changes: result.changes,
    });
    expect({ bump: result.bump, redocly: result.redoclyBump }, text).toEqual({
      bump: expected.bump,
      redocly: expected.redocly,
    });
    for (const mention of expected.mentions) expect(text).toContain(mention);
  });

  it("has a case for every fixture folder", () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(Object.keys(CASES).sort());
  });

  it("exercises every rule of ours in at least one case", () => {
    const fired = new Set(
      [...results.values()].flatMap((result) => result.changes.map((change) => change.rule)),
    );
    for (const rule of RULES) expect(fired, rule.id).toContain(rule.id);
  });

  it("groups the text strongest first, one line per change", () => {
    const result = results.get("new-required-body-field");
    if (!result) throw new Error("missing result");
    const text = changesetText({
      packageName: "@org/x-client",
      specPath: "specs/x/openapi.yaml",
      baseLabel: "file base.yaml",
      changes: result.changes,
    });
    expect(text.indexOf("**Breaking changes (major)**")).toBeLessThan(text.indexOf("**Additions (minor)**"));
    expect(text.split("\n").filter((line) => line.startsWith("- "))).toHaveLength(result.changes.length);
  });
});

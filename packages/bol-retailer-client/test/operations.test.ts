import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { LIST_OPERATIONS, MEDIA_TYPES, OPERATION_IDS, OPERATION_SCOPES } from "../src/index.js";

const root = new URL("../../../", import.meta.url);

describe("the generated operation tables", () => {
  test("list exactly the operations of specs/bol-retailer/operations.txt", async () => {
    const listed = (await readFile(new URL("specs/bol-retailer/operations.txt", root), "utf8"))
      .split("\n")
      .filter((line) => line.trim() !== "");
    const generated = Object.entries(OPERATION_IDS)
      .map(([key, id]) => `${key} ${id}`)
      .sort();

    expect(generated).toEqual([...listed].sort());
    expect(generated).toHaveLength(76);
  });

  test("every operation has a media-type row and a scope row, and nothing else has", () => {
    const keys = Object.keys(OPERATION_IDS).sort();
    expect(Object.keys(MEDIA_TYPES).sort()).toEqual(keys);
    expect(Object.keys(OPERATION_SCOPES).sort()).toEqual(keys);
  });

  test("every operation declares an Accept type; bodies declare a Content-Type", () => {
    for (const [key, row] of Object.entries(MEDIA_TYPES)) {
      expect(row.accept.length, key).toBeGreaterThan(0);
      expect(
        row.accept.every((type) => /^application\/vnd\.(retailer|advertiser)\.v10\+/.test(type)),
        key,
      ).toBe(true);
    }
    const withBody = Object.entries(MEDIA_TYPES).filter(([, row]) => "contentType" in row);
    expect(withBody).toHaveLength(27);
  });

  test("the list operations are the page-numbered GETs with one list property", () => {
    expect(LIST_OPERATIONS).toMatchObject({
      "/retailer/orders": "orders",
      "/retailer/shipments": "shipments",
      "/retailer/returns": "returns",
      "/retailer/inventory": "inventory",
      "/shared/process-status": "processStatuses",
    });
    for (const path of Object.keys(LIST_OPERATIONS)) expect(`GET ${path}` in MEDIA_TYPES).toBe(true);
  });
});

import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";

test("README example: lists orders, ships one and waits for the process, against the embedded simulator", {
  timeout: 60_000,
}, async () => {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const { stdout } = await promisify(execFile)("pnpm", ["exec", "tsx", "examples/bol-retailer.ts"], {
    cwd: root,
    timeout: 60_000,
  });
  expect(stdout).toMatch(/^first page: 50 open orders$/m);
  expect(stdout).toMatch(/^ {2}order 1043900000 \(2026-05-14T09:00:00\+02:00\): 6042800000 × 1$/m);
  expect(stdout).toMatch(/^all pages: 120 open orders$/m);
  expect(stdout).toMatch(/^shipment accepted: process 1 PENDING$/m);
  expect(stdout).toMatch(/^process 1 SUCCESS: order item 6042800000 shipped$/m);
  // One token for everything: 1 + 3 order pages, 1 shipment, 2 polls.
  expect(stdout).toMatch(/^token requests: 1, API calls: 7$/m);
});

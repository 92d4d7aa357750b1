import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type BorderboltSimulator, startBorderboltSimulator } from "../src/index.js";

let sim: BorderboltSimulator;
beforeAll(async () => {
  sim = await startBorderboltSimulator({
    clients: [{ clientId: "reader", clientSecret: "s3cret", scopes: ["declarations:read"] }],
  });
});
afterAll(() => sim.close());

async function token(scope?: string) {
  const response = await fetch(sim.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      grant_type: "client_credentials",
      client_id: "reader",
      client_secret: "s3cret",
      scope,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("Borderbolt simulator", () => {
  test("issues a bearer token for a JSON client-credentials request", async () => {
    const { status, body } = await token("declarations:read");
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "declarations:read" });
  });

  test("rejects a scope the credential does not have", async () => {
    expect((await token("invoices:read")).body).toMatchObject({ error: "invalid_scope" });
  });

  test("enforces the spec's scope table: read works, submit is 403 insufficient_scope", async () => {
    const { body } = await token();
    const headers = { authorization: `Bearer ${body.access_token}` };
    const list = await fetch(`${sim.url}/api/v1/declarations?per_page=10&status=DRF`, { headers });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { data: Array<{ status: string }>; meta: { total: number } };
    expect(page.data.every((d) => d.status === "DRF")).toBe(true);
    expect(page.meta.total).toBe(12);

    const submit = await fetch(`${sim.url}/api/v1/declarations/1000/submit`, { method: "POST", headers });
    expect(submit.status).toBe(403);
    expect(submit.headers.get("www-authenticate")).toContain("insufficient_scope");
  });

  test("answers 401 invalid_token without a token", async () => {
    const response = await fetch(`${sim.url}/api/v1/declarations`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "invalid_token" });
  });
});

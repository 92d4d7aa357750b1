import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BOLTPAY_FIXED_SCOPE, type BoltPaySimulator, startBoltPaySimulator } from "../src/index.js";

let clock = Date.now();
let sim: BoltPaySimulator;
beforeAll(async () => {
  sim = await startBoltPaySimulator({
    clients: [{ clientId: "pgw", clientSecret: "s3cr3Tp@ass" }],
    now: () => clock,
  });
});
afterAll(() => sim.close());

async function token(scope = BOLTPAY_FIXED_SCOPE, clientSecret = "s3cr3Tp@ass") {
  const response = await fetch(sim.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: "pgw",
      client_secret: clientSecret,
      grant_type: "client_credentials",
      scope,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const pay = (accessToken: unknown, amount: string) =>
  fetch(`${sim.url}/v1`, {
    method: "POST",
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
    body: JSON.stringify({ amount, currencyCode: 200, paymentMethod: "cc" }),
  });

describe("boltPay simulator", () => {
  test("issues a 600-second JWT-shaped token for the fixed scope string (form body, secret with @)", async () => {
    const { status, body } = await token();
    expect(status).toBe(200);
    expect(body).toMatchObject({ expires_in: 600, token_type: "Bearer", scope: BOLTPAY_FIXED_SCOPE });
    expect(String(body.access_token).split(".")).toHaveLength(3);
    expect((await token(BOLTPAY_FIXED_SCOPE, "wrong")).status).toBe(401);
  });

  test("a token without all seven scopes is refused (403): every operation needs the full string", async () => {
    const { body } = await token("openid");
    expect((await pay(body.access_token, "000000000100")).status).toBe(403);
  });

  test("checks the amount pattern the types cannot express", async () => {
    const { body } = await token();
    expect((await pay(body.access_token, "1.00")).status).toBe(400);
    const created = await pay(body.access_token, "000000000100");
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ paymentId: expect.stringMatching(/^[0-9a-f]{24}$/) });
  });

  test("tokens expire after 10 minutes on the simulator's clock (401, no body)", async () => {
    const { body } = await token();
    clock += 600_000;
    const response = await pay(body.access_token, "000000000100");
    expect(response.status).toBe(401);
    expect(await response.text()).toBe("");
  });
});

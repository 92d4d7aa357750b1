import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type BoltSimulator, startBoltSimulator } from "../src/index.js";

let sim: BoltSimulator;
beforeAll(async () => {
  sim = await startBoltSimulator();
});
afterAll(() => sim.close());

const form = (params: Record<string, string>) => new URLSearchParams(params).toString();

async function token(params: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(sim.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-api-key": sim.apiKey, ...headers },
    body: form({ client_id: sim.publishableKey, client_secret: sim.apiKey, ...params }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe("Bolt simulator", () => {
  test("exchanges a code like Bolt: manage token, id_token with openid, view-only refresh token scope", async () => {
    const code = sim.issueAuthorizationCode({ state: "st-1" });
    const { status, body } = await token({
      grant_type: "authorization_code",
      code,
      scope: "bolt.account.manage openid",
      state: "st-1",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: "bearer",
      expires_in: 3600,
      scope: "bolt.account.manage",
      refresh_token_scope: "bolt.account.view",
    });
    expect(body.id_token?.split(".")).toHaveLength(3);
  });

  test("a code issued with a state needs that state; a code is single-use (422 invalid_grant)", async () => {
    const code = sim.issueAuthorizationCode({ state: "expected" });
    const params = { grant_type: "authorization_code", code, scope: "bolt.account.view" };
    expect((await token(params)).body).toMatchObject({ error: "invalid_request" });
    expect((await token({ ...params, state: "expected" })).status).toBe(200);
    const again = await token({ ...params, state: "expected" });
    expect(again).toMatchObject({ status: 422, body: { error: "invalid_grant" } });
  });

  test("refresh tokens rotate, are single-use and only give bolt.account.view", async () => {
    const code = sim.issueAuthorizationCode();
    const first = await token({ grant_type: "authorization_code", code, scope: "bolt.account.manage" });
    const refresh = { grant_type: "refresh_token", refresh_token: first.body.refresh_token ?? "" };
    expect((await token({ ...refresh, scope: "bolt.account.manage" })).body.error).toBe("invalid_scope");
    const second = await token({ ...refresh, scope: "bolt.account.view" });
    expect(second.body).toMatchObject({ scope: "bolt.account.view" });
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    expect((await token({ ...refresh, scope: "bolt.account.view" })).status).toBe(422);
  });

  test("the token endpoint wants X-API-Key, a form body, and the keys as client credentials", async () => {
    const code = sim.issueAuthorizationCode();
    const params = { grant_type: "authorization_code", code, scope: "bolt.account.view" };
    expect((await token(params, { "x-api-key": "wrong" })).status).toBe(401);
    expect((await token({ ...params, client_secret: "wrong" })).status).toBe(401);
    const json = await fetch(sim.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": sim.apiKey },
      body: JSON.stringify(params),
    });
    expect(json.status).toBe(400);
  });

  test("enforces the spec's AND-ed security: API key and bearer token with the right scope", async () => {
    const code = sim.issueAuthorizationCode();
    const { body } = await token({ grant_type: "authorization_code", code, scope: "bolt.account.view" });
    const bearer = { authorization: `Bearer ${body.access_token}` };
    const account = (headers: Record<string, string>) => fetch(`${sim.url}/v1/account`, { headers });
    expect((await account({ ...bearer, "x-api-key": sim.apiKey })).status).toBe(200);
    expect((await account(bearer)).status).toBe(401);
    expect((await account({ "x-api-key": sim.apiKey })).status).toBe(401);

    const patch = await fetch(`${sim.url}/v1/account/profile`, {
      method: "PATCH",
      headers: { ...bearer, "x-api-key": sim.apiKey, "content-type": "application/json" },
      body: JSON.stringify({ first_name: "Al" }),
    });
    expect(patch.status).toBe(403);
    expect(patch.headers.get("www-authenticate")).toContain("insufficient_scope");
  });

  test("API-key-only operations need no token; required X-Publishable-Key is enforced (v1 exists, v3)", async () => {
    const card = await fetch(`${sim.url}/v1/testing/card_token`, { headers: { "x-api-key": sim.apiKey } });
    expect(card.status).toBe(200);
    const exists = await fetch(`${sim.url}/v1/account/exists?email=nobody@example.com`);
    expect(exists.status).toBe(422);
    const withKey = await fetch(`${sim.url}/v1/account/exists?email=nobody@example.com`, {
      headers: { "x-publishable-key": sim.publishableKey },
    });
    expect(await withKey.json()).toEqual({ has_bolt_account: false });
    const v3 = await fetch(`${sim.url}/v3/account`, { headers: { "x-api-key": sim.apiKey } });
    expect(v3.status).toBe(422);
    expect(await v3.json()).toMatchObject({ ".tag": "unprocessable_request" });
  });

  test("a sandbox test shopper comes with an oauth_code that the token endpoint accepts", async () => {
    const response = await fetch(`${sim.url}/v1/testing/shopper/create`, {
      method: "POST",
      headers: { "x-api-key": sim.apiKey, "content-type": "application/json" },
      body: JSON.stringify({ has_address: true }),
    });
    const shopper = (await response.json()) as { oauth_code: string; otp_code: string };
    expect(shopper.otp_code).toBe("123456");
    const exchanged = await token({
      grant_type: "authorization_code",
      code: shopper.oauth_code,
      scope: "bolt.account.manage bolt.account.view openid",
    });
    expect(exchanged.body.scope).toBe("bolt.account.manage bolt.account.view");
  });
});

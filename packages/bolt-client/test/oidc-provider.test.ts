import { isOAuthError, type TokensUpdate } from "@org/auth";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createBoltClient } from "../src/index.js";
import { type BoltOidc, startBoltOidc } from "./helpers/bolt-oidc.js";
import { recordingFetch } from "./helpers/recording-fetch.js";

let oidc: BoltOidc;
beforeEach(async () => {
  oidc = await startBoltOidc();
});
afterEach(() => oidc.close());

function client(extra: { refreshToken?: string } = {}) {
  const updates: TokensUpdate[] = [];
  const recorder = recordingFetch();
  const bolt = createBoltClient({
    apiKey: oidc.sim.apiKey,
    publishableKey: oidc.sim.publishableKey,
    environment: "sandbox",
    baseUrl: oidc.sim.url,
    fetch: recorder.fetch,
    onTokens: (update) => {
      updates.push(update);
    },
    ...extra,
  });
  return { bolt, updates, tokenRequests: recorder.tokenRequests };
}

describe("Bolt's code exchange and rotating refresh against a real oidc-provider", () => {
  test("exchanges a code with a form body (grant_type, code, scope, state, keys as client credentials) and X-API-Key", async () => {
    const { bolt, updates, tokenRequests } = client();
    const code = await oidc.issueCode();
    const token = await bolt.auth.exchangeCode({ code, state: "st-42", expectedState: "st-42" });

    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]?.url).toBe(`${oidc.sim.url}/v1/oauth/token`);
    expect(tokenRequests[0]?.headers).toMatchObject({
      "content-type": "application/x-www-form-urlencoded",
      "x-api-key": oidc.sim.apiKey,
      "x-publishable-key": oidc.sim.publishableKey,
    });
    expect(tokenRequests[0]?.form).toEqual({
      grant_type: "authorization_code",
      code,
      scope: "bolt.account.manage openid",
      state: "st-42",
      client_id: oidc.sim.publishableKey,
      client_secret: oidc.sim.apiKey,
    });
    // The id_token reaches the caller, on the token and in the onTokens update.
    expect(token.idToken).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ reason: "authorization_code", idToken: token.idToken });
    expect(updates[0]?.refreshToken).toEqual(expect.any(String));

    const { data, response } = await bolt.GET("/v1/account");
    expect(response.status).toBe(200);
    expect(data?.has_bolt_account).toBe(true);
    expect(oidc.sim.requests.at(-1)).toMatchObject({
      apiKey: true,
      authorization: true,
      publishableKey: true,
    });
  });

  test("each refresh sends the latest refresh token with scope=bolt.account.view and hands the rotated one to onTokens", async () => {
    const { bolt, updates, tokenRequests } = client();
    await bolt.auth.exchangeCode({ code: await oidc.issueCode() });
    const first = updates[0]?.refreshToken;

    await bolt.auth.invalidate();
    expect((await bolt.GET("/v1/account")).response.status).toBe(200);
    expect(tokenRequests[1]?.form).toMatchObject({
      grant_type: "refresh_token",
      refresh_token: first,
      scope: "bolt.account.view",
      client_id: oidc.sim.publishableKey,
    });
    expect(tokenRequests[1]?.form).not.toHaveProperty("state");
    expect(updates[1]).toMatchObject({
      reason: "refresh_token",
      rotated: true,
      scope: ["bolt.account.view"],
    });
    const second = updates[1]?.refreshToken;
    expect(second).toEqual(expect.any(String));
    expect(second).not.toBe(first);

    await bolt.auth.invalidate();
    expect((await bolt.GET("/v3/account")).response.status).toBe(200);
    expect(tokenRequests[2]?.form.refresh_token).toBe(second);
    expect(updates[2]?.refreshToken).not.toBe(second);
  });

  test("a stored refresh token resumes the grant without a code; a used one is refused (invalid_grant)", async () => {
    const first = client();
    await first.bolt.auth.exchangeCode({ code: await oidc.issueCode("shopper-2") });
    const stored = first.updates[0]?.refreshToken;
    if (stored === undefined) throw new Error("no refresh token");

    const resumed = client({ refreshToken: stored });
    expect(resumed.bolt.auth.hasRefreshToken()).toBe(true);
    expect((await resumed.bolt.GET("/v1/account")).response.status).toBe(200);
    expect(resumed.tokenRequests.map((r) => r.form.grant_type)).toEqual(["refresh_token"]);
    expect(resumed.updates[0]?.rotated).toBe(true);

    // The refresh token was single-use: a third client that still holds it is refused.
    const stale = client({ refreshToken: stored });
    const error = await stale.bolt.auth.getToken().catch((e: unknown) => e);
    expect(isOAuthError(error) && error.error).toBe("invalid_grant");
    expect(stale.bolt.auth.hasRefreshToken()).toBe(false);
  });
});

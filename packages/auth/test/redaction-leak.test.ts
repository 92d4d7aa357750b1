import { inspect } from "node:util";
import { fc, test } from "@fast-check/vitest";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect } from "vitest";
import {
  authMiddleware,
  authorizationCode,
  clientCredentials,
  memoryTokenStore,
  revokeToken,
  tokenClient,
  tokenInfo,
} from "../src/index.js";
import type { paths } from "./helpers/api-paths.js";
import type { Reply } from "./helpers/http-server.js";
import { startTokenServer, type TokenServer } from "./helpers/token-server.js";

let server: TokenServer;
beforeAll(async () => {
  server = await startTokenServer();
});
afterAll(() => server.close());

/** Distinctive secrets made of characters that are valid in headers and common in real secrets. */
const secretArb = fc.stringMatching(/^[A-Za-z0-9+/=:_-]{10,24}$/).map((s) => `Zq${s}`);

/** Every rendering of `value` a log line could contain. */
function renderings(value: unknown): string[] {
  const out = [
    inspect(value, { depth: 10, showHidden: true }),
    inspect(value),
    String(JSON.stringify(value)),
  ];
  if (value instanceof Error) out.push(String(value), value.message, String(value.stack));
  else if (typeof value !== "function") out.push(String(value));
  return out;
}

function expectNoSecrets(value: unknown, secrets: readonly string[]): void {
  const forms = secrets.flatMap((secret) => [
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString("base64"),
  ]);
  for (const text of renderings(value)) {
    for (const secret of forms) expect(text).not.toContain(secret);
  }
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("no secret reaches a message, stack, JSON or inspect output", { timeout: 60_000 }, () => {
  test.prop([secretArb, secretArb, secretArb, secretArb], { numRuns: 8 })(
    "for every token-endpoint error path and every object",
    async (clientSecret, apiKey, accessToken, refreshToken) => {
      const secrets = [clientSecret, apiKey, accessToken, refreshToken];
      // A server may echo what it received: the client secret and the API key.
      const echo = `client_secret=${clientSecret} key=${apiKey} basic=${Buffer.from(`client:${clientSecret}`).toString("base64")}`;
      const replies: Reply[] = [
        {
          status: 401,
          json: {
            error: "invalid_client",
            error_description: echo,
            error_uri: `https://x.test/${clientSecret}`,
          },
        },
        { status: 500, body: echo },
        { status: 400, body: echo },
        { body: `{"access_token":"${accessToken}","token_type":"bearer","expires_in":` },
        {
          json: { access_token: accessToken, token_type: "mac", expires_in: 60, refresh_token: refreshToken },
        },
        { json: { access_token: accessToken, token_type: "bearer", expires_in: "abc" } },
        { json: { access_token: accessToken, token_type: "bearer", expires_in: 0 } },
        { status: 302, headers: { location: `https://evil.test/?secret=${clientSecret}` } },
        { hang: true },
        { reset: true },
      ];
      const objects: unknown[] = [];
      for (const reply of replies) {
        server.reset();
        server.queue(reply);
        const source = clientCredentials({
          tokenUrl: `${server.tokenUrl}?tenant=a`,
          clientId: "client",
          clientSecret,
          style: { kind: "basic-query" },
          headers: { "X-API-Key": apiKey },
          timeoutMs: 200,
          retry: { limit: 0 },
        });
        objects.push(await caught(source.getToken()), source);
      }

      // Refresh-token and code paths, with the refresh token echoed back.
      server.reset();
      server.queue({
        status: 400,
        json: { error: "invalid_grant", error_description: `bad ${refreshToken} ${clientSecret}` },
      });
      const updates: unknown[] = [];
      const user = authorizationCode({
        tokenUrl: server.tokenUrl,
        clientId: "client",
        clientSecret,
        style: { kind: "form-post" },
        headers: { "X-API-Key": apiKey },
        refreshToken,
        onTokens: (update) => {
          updates.push(update);
        },
      });
      objects.push(await caught(user.getToken()), user);
      server.queue({
        json: {
          access_token: accessToken,
          token_type: "bearer",
          expires_in: 60,
          refresh_token: refreshToken,
          id_token: apiKey,
        },
      });
      const token = await user.exchangeCode({ code: "code" });
      objects.push(token, user, ...updates);

      // A good token, then everything around it.
      server.reset();
      server.queue({ json: { access_token: accessToken, token_type: "bearer", expires_in: 60 } });
      const store = memoryTokenStore();
      const good = clientCredentials({
        tokenUrl: server.tokenUrl,
        clientId: "client",
        clientSecret,
        style: { kind: "json" },
        headers: { "X-API-Key": apiKey },
        store,
        revocationUrl: `${server.origin}/revoke`,
      });
      const goodToken = await good.getToken();
      expect(goodToken.accessToken).toBe(accessToken);
      const middleware = authMiddleware(good, { origins: [server.origin], headers: { "X-API-Key": apiKey } });
      const client = createClient<paths>({ baseUrl: server.origin });
      client.use(middleware);
      objects.push(
        goodToken,
        good,
        store,
        middleware,
        tokenClient({
          tokenUrl: server.tokenUrl,
          clientId: "c",
          clientSecret,
          style: { kind: "json" },
          headers: { "X-API-Key": apiKey },
        }),
      );

      // Management endpoints echoing secrets.
      server.queue({
        status: 401,
        json: { error: "invalid_token", error_description: `token ${accessToken}` },
      });
      objects.push(await caught(tokenInfo(goodToken, { url: `${server.origin}/info` })));
      server.queue({ status: 503, body: echo }, { status: 503, body: echo }, { status: 503, body: echo });
      objects.push(
        await caught(
          revokeToken({ url: `${server.origin}/revoke`, token: refreshToken, retry: { limit: 0 } }),
        ),
      );

      // Configuration errors whose values hold secrets.
      const badConfigs: Array<() => unknown> = [
        () =>
          clientCredentials({
            tokenUrl: server.tokenUrl,
            clientId: "c",
            clientSecret,
            style: { kind: "json" },
            headers: { "X-API-Key": `${apiKey}\n` },
          }),
        () =>
          clientCredentials({
            tokenUrl: `http://example.test/${clientSecret}`,
            clientId: "c",
            clientSecret,
            style: { kind: "json" },
          }),
        () =>
          clientCredentials({
            tokenUrl: `https://user:${clientSecret}@example.test/t`,
            clientId: "c",
            clientSecret,
            style: { kind: "json" },
          }),
        () =>
          clientCredentials({
            tokenUrl: server.tokenUrl,
            clientId: "c",
            clientSecret,
            style: { kind: clientSecret } as never,
          }),
        () =>
          clientCredentials({
            tokenUrl: server.tokenUrl,
            clientId: "c",
            clientSecret,
            style: { kind: "json" },
            params: { client_secret: clientSecret },
          }),
      ];
      for (const create of badConfigs) {
        let error: unknown;
        try {
          create();
        } catch (thrown) {
          error = thrown;
        }
        expect(error).toBeInstanceOf(Error);
        objects.push(error);
      }

      for (const object of objects) expectNoSecrets(object, secrets);
      server.reset();
    },
  );
});

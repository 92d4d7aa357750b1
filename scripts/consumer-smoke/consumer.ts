// A consumer project's code, compiled outside the workspace with node16 and bundler resolution.

import { clientCredentials, isAuthError } from "@org/auth";
import { createBorderboltClient, SCOPES, type Scope } from "@org/borderbolt-client";

const url = process.env.BORDERBOLT_URL;
if (!url) throw new Error("BORDERBOLT_URL is not set");

const scopes: Scope[] = ["declarations:read"];
const borderbolt = createBorderboltClient({
  clientId: "smoke-client",
  clientSecret: "smoke-secret",
  baseUrl: url,
  scopes,
});
const { data, error } = await borderbolt.GET("/api/v1/declarations", { params: { query: { per_page: 3 } } });
if (error || !data) throw new Error("GET /api/v1/declarations failed");
const token = await borderbolt.auth.getToken();

// @org/auth on its own, too.
const source = clientCredentials({
  tokenUrl: `${url}/oauth/token`,
  clientId: "smoke-client",
  clientSecret: "wrong-secret",
  style: { kind: "json" },
});
const failure = await source.getToken().catch((e: unknown) => e);

console.log(
  JSON.stringify({
    declarations: data.data.length,
    total: data.meta.total,
    tokenScope: token.scope,
    scopes: SCOPES.length,
    wrongSecret: isAuthError(failure) ? failure.code : "no error",
  }),
);

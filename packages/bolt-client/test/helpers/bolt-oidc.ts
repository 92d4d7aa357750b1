/**
 * An in-process oidc-provider 9 set up as Bolt's authorization server: token endpoint at
 * `/v1/oauth/token`, the publishable key as `client_id` and the API key as `client_secret` in the
 * form body (`client_secret_post`), Bolt's three scopes, refresh tokens issued without
 * `offline_access` and rotated on every use. It is mounted inside the Bolt simulator (which checks
 * `X-API-Key` before handing the request over), and the simulator accepts its access tokens.
 *
 * What oidc-provider cannot do Bolt's way, and is therefore tested against the simulator's own
 * token endpoint: `refresh_token_scope` in responses, 422 (not 400) for `invalid_grant`, and
 * requiring `state` when the code was issued with one (oidc-provider drops unknown token parameters).
 */
import { type BoltSimulator, quietConsole, startBoltSimulator } from "@org/simulators";

/** The redirect URI registered for the merchant (Bolt's modal hands the code to the front end). */
const REDIRECT_URI = "https://merchant.example.test/bolt/callback";
const SCOPE = "openid bolt.account.manage bolt.account.view";

export interface BoltOidc {
  /** The Bolt simulator; its `/v1/oauth/token` is the provider's. */
  sim: BoltSimulator;
  /** An authorization code for a shopper, as Bolt's login modal would produce (no login UI). */
  issueCode(accountId?: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the Bolt simulator with an oidc-provider behind its token endpoint. */
export async function startBoltOidc(): Promise<BoltOidc> {
  const restoreConsole = quietConsole("oidc-provider ");
  // Imported after the console filter is installed: the module warns about Node 20 on load.
  const { default: Provider } = await import("oidc-provider");
  let provider: InstanceType<typeof Provider> | undefined;
  let callback: ReturnType<InstanceType<typeof Provider>["callback"]> | undefined;
  const sim = await startBoltSimulator({
    tokenEndpoint: (request, response) => callback?.(request, response),
    verifyAccessToken: async (token) => {
      const found = await provider?.AccessToken.find(token);
      return found?.scope?.split(" ");
    },
  });
  provider = new Provider(sim.url, {
    clients: [
      {
        client_id: sim.publishableKey,
        client_secret: sim.apiKey,
        grant_types: ["authorization_code", "refresh_token"],
        redirect_uris: [REDIRECT_URI],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
        scope: SCOPE,
      },
    ],
    routes: { token: "/v1/oauth/token" },
    features: { devInteractions: { enabled: false } },
    scopes: SCOPE.split(" "),
    rotateRefreshToken: true,
    issueRefreshToken: () => true,
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 300,
      RefreshToken: 31_536_000,
      Grant: 31_536_000,
      IdToken: 3600,
    },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, email: `${id}@example.com`, email_verified: true }),
    }),
  });
  callback = provider.callback();
  const ready = provider;

  return {
    sim,
    async issueCode(accountId = "shopper-1") {
      const grant = new ready.Grant({ accountId, clientId: sim.publishableKey });
      grant.addOIDCScope(SCOPE);
      const grantId = await grant.save();
      const client = await ready.Client.find(sim.publishableKey);
      return new ready.AuthorizationCode({
        accountId,
        client,
        grantId,
        scope: SCOPE,
        redirectUri: REDIRECT_URI,
        authTime: Math.floor(Date.now() / 1000),
      }).save();
    },
    async close() {
      await sim.close();
      restoreConsole();
    },
  };
}

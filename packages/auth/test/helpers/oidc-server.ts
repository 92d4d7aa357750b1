import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { quietConsole } from "@org/simulators";

/** A client registered with the in-process provider. */
export interface OidcClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** An oidc-provider instance on 127.0.0.1:0. */
export interface OidcServer {
  readonly issuer: string;
  readonly tokenUrl: string;
  readonly revocationUrl: string;
  /** `client_secret_basic`, secret containing `+ / = :` (RFC encoding matters). */
  readonly basicClient: OidcClient;
  /** `client_secret_post`. */
  readonly postClient: OidcClient;
  /** Mints a grant plus refresh token for `postClient` (skips the login UI). */
  mintRefreshToken(scope?: string): Promise<string>;
  /** Token endpoint requests seen. */
  tokenRequests(): number;
  /** Checks an access token with the provider (undefined when unknown or revoked). */
  findAccessToken(value: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Starts oidc-provider 9 in-process with client credentials, revocation and rotating refresh tokens.
 * oidc-provider warns on Node 20 ("Unsupported runtime"); that warning is silenced here.
 */
export async function startOidcServer(): Promise<OidcServer> {
  const basicClient = { clientId: "basic-client", clientSecret: "s3cr+t/with=colon:and spaces" };
  const postClient = { clientId: "post-client", clientSecret: "post+secret/==:x" };
  const sockets = new Set<Socket>();
  let requests = 0;
  const server: Server = createServer();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const restoreConsole = quietConsole("oidc-provider ");
  // Imported here, after the console filter is installed: the module warns about Node 20 on load.
  const { default: Provider } = await import("oidc-provider");
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: basicClient.clientId,
        client_secret: basicClient.clientSecret,
        grant_types: ["client_credentials"],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: "client_secret_basic",
        scope: "api:read api:write",
      },
      {
        client_id: postClient.clientId,
        client_secret: postClient.clientSecret,
        grant_types: ["client_credentials", "authorization_code", "refresh_token"],
        redirect_uris: ["https://app.example.test/callback"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
        scope: "openid offline_access api:read api:write",
      },
    ],
    features: {
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      devInteractions: { enabled: false },
    },
    scopes: ["openid", "offline_access", "api:read", "api:write"],
    rotateRefreshToken: true,
    ttl: { AccessToken: 3600, ClientCredentials: 600, RefreshToken: 86_400, Grant: 86_400, IdToken: 3600 },
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id }) }),
  });
  const callback = provider.callback();
  server.on("request", (req, res) => {
    if (req.url?.startsWith("/token")) requests++;
    callback(req, res);
  });
  return {
    issuer,
    tokenUrl: `${issuer}/token`,
    revocationUrl: `${issuer}/token/revocation`,
    basicClient,
    postClient,
    async mintRefreshToken(scope = "openid offline_access api:read") {
      const grant = new provider.Grant({ accountId: "user-1", clientId: postClient.clientId });
      grant.addOIDCScope(scope);
      const grantId = await grant.save();
      const client = await provider.Client.find(postClient.clientId);
      const refreshToken = new provider.RefreshToken({
        accountId: "user-1",
        client,
        grantId,
        scope,
        gty: "authorization_code",
      });
      return refreshToken.save();
    },
    tokenRequests: () => requests,
    findAccessToken: async (value: string) =>
      (await provider.AccessToken.find(value)) ?? (await provider.ClientCredentials.find(value)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          restoreConsole();
          resolve();
        });
      }),
  };
}

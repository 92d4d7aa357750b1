// The README example, run by the bolt-client tests: a Bolt client against an embedded local Bolt
// simulator. A sandbox test shopper's OAuth code is exchanged (form body, API key and publishable
// key as client credentials), the account is read and changed, and a second client resumes the
// grant from the stored refresh token (which rotates). API-key-only calls never ask for a token.
import { createBoltClient } from "@org/bolt-client";
import { startBoltSimulator } from "@org/simulators";

const simulator = await startBoltSimulator({
  apiKey: "example-api-key",
  publishableKey: "example-publishable-key",
});

try {
  // Your database: the shopper's refresh token, saved after every exchange and refresh.
  let storedRefreshToken: string | undefined;
  const options = {
    apiKey: "example-api-key",
    publishableKey: "example-publishable-key",
    environment: "sandbox",
    baseUrl: simulator.url, // default for "sandbox": https://api-sandbox.bolt.com
    onTokens: ({ refreshToken }: { refreshToken: string | undefined }) => {
      storedRefreshToken = refreshToken; // single-use: the previous one is dead now
    },
  } as const;
  const bolt = createBoltClient(options);

  // Sandbox only: a test shopper comes with an OAuth code. In production Bolt's login modal hands
  // the code (and state) to your front end.
  const { data: shopper, error } = await bolt.POST("/v1/testing/shopper/create", {
    body: { deactivate_in_days: 30 },
  });
  if (error || shopper.oauth_code === undefined) throw new Error("could not create a test shopper");
  console.log(`test shopper ${shopper.email}`);

  const token = await bolt.auth.exchangeCode({
    code: shopper.oauth_code,
    scope: ["bolt.account.manage", "bolt.account.view", "openid"],
  });
  console.log(
    `exchanged the code: scope ${token.scope?.join(" ")}, id_token: ${token.idToken ? "yes" : "no"}`,
  );

  await bolt.POST("/v1/account/addresses", {
    body: {
      first_name: "Alan",
      last_name: "Watts",
      email: shopper.email ?? "",
      street_address1: "888 main street",
      locality: "Brooklyn",
      region: "NY",
      postal_code: "10044",
      country_code: "US",
      default: true,
    },
  });
  const { data: account } = await bolt.GET("/v1/account");
  const addresses = account?.addresses?.length ?? 0;
  console.log(
    `account: ${account?.profile?.name} <${account?.profile?.email}>, ${addresses} address${addresses === 1 ? "" : "es"}`,
  );

  // Later, elsewhere: resume the shopper's grant from the stored refresh token. The refreshed
  // access token is view-only (Bolt's refresh_token_scope is bolt.account.view).
  const before = storedRefreshToken;
  const later = createBoltClient({ ...options, refreshToken: storedRefreshToken });
  const { data: v3 } = await later.GET("/v3/account"); // X-Publishable-Key is filled in
  const refreshed = await later.auth.getToken();
  console.log(
    `refreshed: scope ${refreshed.scope?.join(" ")}, new refresh token: ${storedRefreshToken !== before ? "yes" : "no"} (${v3?.profile?.email})`,
  );

  // API-key-only calls work on any client, with or without a shopper grant.
  await later.GET("/v1/testing/card_token");
  console.log(`token requests: ${simulator.stats.tokenRequests}, API calls: ${simulator.stats.apiRequests}`);
} finally {
  await simulator.close();
}

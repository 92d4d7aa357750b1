// A consumer project's code, compiled outside the workspace with node16 and bundler resolution,
// against packages installed from tarballs or a registry.
import { clientCredentials, isAuthError } from "@org/auth";
import { createBolRetailerClient, waitForProcess } from "@org/bol-retailer-client";
import { createBorderboltClient, SCOPES, type Scope } from "@org/borderbolt-client";

const { BORDERBOLT_URL, BOL_URL, BOL_TOKEN_URL } = process.env;
if (!BORDERBOLT_URL || !BOL_URL || !BOL_TOKEN_URL)
  throw new Error("BORDERBOLT_URL, BOL_URL and BOL_TOKEN_URL must be set");

const scopes: Scope[] = ["declarations:read"];
const borderbolt = createBorderboltClient({
  clientId: "smoke-client",
  clientSecret: "smoke-secret",
  baseUrl: BORDERBOLT_URL,
  scopes,
});
const { data, error } = await borderbolt.GET("/api/v1/declarations", { params: { query: { per_page: 3 } } });
if (error || !data) throw new Error("GET /api/v1/declarations failed");
const token = await borderbolt.auth.getToken();

// @org/auth on its own, too.
const source = clientCredentials({
  tokenUrl: `${BORDERBOLT_URL}/oauth/token`,
  clientId: "smoke-client",
  clientSecret: "wrong-secret",
  style: { kind: "json" },
});
const failure = await source.getToken().catch((e: unknown) => e);

const bol = createBolRetailerClient({
  clientId: "smoke-client",
  clientSecret: "smoke-secret",
  baseUrl: BOL_URL,
  tokenUrl: BOL_TOKEN_URL,
});
const { data: orders } = await bol.GET("/retailer/orders", { params: { query: { status: "OPEN" } } });
const orderItemId = orders?.orders[0]?.orderItems[0]?.orderItemId;
if (!orderItemId) throw new Error("GET /retailer/orders returned no order item");
const { data: accepted } = await bol.POST("/retailer/shipments", {
  body: { orderItems: [{ orderItemId }], shipmentReference: "SMOKE-1" },
});
if (!accepted) throw new Error("POST /retailer/shipments was not accepted");
const done = await waitForProcess(bol, accepted, { intervalMs: 10 });

console.log(
  JSON.stringify({
    declarations: data.data.length,
    total: data.meta.total,
    tokenScope: token.scope,
    scopes: SCOPES.length,
    wrongSecret: isAuthError(failure) ? failure.code : "no error",
    bolOrders: orders?.orders.length,
    shipment: done.status,
  }),
);

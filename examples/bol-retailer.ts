// The README example of @org/bol-retailer-client, run by the tests: a bol Retailer client against an
// embedded local bol simulator (token endpoint and API on one origin). Lists the open orders, ships
// the first order item, and waits for bol's asynchronous process to finish.
import { createBolRetailerClient, paginate, waitForProcess } from "@org/bol-retailer-client";
import { startBolRetailerSimulator } from "@org/simulators";

const simulator = await startBolRetailerSimulator({
  clients: [{ clientId: "example-client", clientSecret: "example-secret" }],
});

try {
  const bol = createBolRetailerClient({
    clientId: "example-client",
    clientSecret: "example-secret",
    baseUrl: simulator.url, // production default: https://api.bol.com
    tokenUrl: simulator.tokenUrl, // production default: https://login.bol.com/token
    // environment: "demo", // bol's demo environment: /retailer-demo/..., /shared-demo/...
  });

  const { data: firstPage, error } = await bol.GET("/retailer/orders", {
    params: { query: { status: "OPEN", "fulfilment-method": "FBR" } },
  });
  if (error) throw new Error(`listing orders failed: ${error.status} ${error.title}`);
  console.log(`first page: ${firstPage.orders.length} open orders`);
  for (const order of firstPage.orders.slice(0, 3)) {
    const items = order.orderItems.map((item) => `${item.orderItemId} × ${item.quantity}`).join(", ");
    console.log(`  order ${order.orderId} (${order.orderPlacedDateTime}): ${items}`);
  }

  let open = 0;
  for await (const _order of paginate(bol, "/retailer/orders", { params: { query: { status: "OPEN" } } }))
    open++;
  console.log(`all pages: ${open} open orders`);

  const orderItemId = firstPage.orders[0]?.orderItems[0]?.orderItemId;
  if (orderItemId) {
    const { data: accepted, error: rejected } = await bol.POST("/retailer/shipments", {
      body: {
        orderItems: [{ orderItemId }],
        shipmentReference: "EXAMPLE-1",
        transport: { transporterCode: "TNT" },
      },
    });
    if (rejected) throw new Error(`shipping failed: ${rejected.status} ${rejected.title}`);
    console.log(`shipment accepted: process ${accepted.processStatusId} ${accepted.status}`);
    const done = await waitForProcess(bol, accepted, { intervalMs: 200, timeoutMs: 30_000 });
    console.log(`process ${done.processStatusId} ${done.status}: order item ${done.entityId} shipped`);
  }

  console.log(`token requests: ${simulator.stats.tokenRequests}, API calls: ${simulator.stats.apiRequests}`);
} finally {
  await simulator.close();
}

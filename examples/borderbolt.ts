// The README example, run by `pnpm example` and by the tests: a Borderbolt client against an
// embedded local Borderbolt simulator. Tokens are fetched on first use, cached and reused.
import { createBorderboltClient } from "@org/borderbolt-client";
import { startBorderboltSimulator } from "@org/simulators";

const simulator = await startBorderboltSimulator({
  clients: [{ clientId: "example-client", clientSecret: "example-secret" }],
});

try {
  const borderbolt = createBorderboltClient({
    clientId: "example-client",
    clientSecret: "example-secret",
    scopes: ["declarations:read", "declarations:submit"],
    baseUrl: simulator.url, // production default: https://app.borderbolt.com
  });

  const { data: drafts, error } = await borderbolt.GET("/api/v1/declarations", {
    params: { query: { status: "DRF", per_page: 5 } },
  });
  if (error) throw new Error(`listing declarations failed: ${error.error}`);
  console.log(`${drafts.meta.total} draft declarations; first page:`);
  for (const declaration of drafts.data)
    console.log(`  #${declaration.id} ${declaration.reference} (${declaration.status})`);

  const first = drafts.data[0];
  if (first) {
    const { data: submitted } = await borderbolt.POST("/api/v1/declarations/{id}/submit", {
      params: { path: { id: first.id } },
    });
    console.log(`submitted #${submitted?.id}: status ${submitted?.status}, "${submitted?.message}"`);
  }

  console.log(`token requests: ${simulator.stats.tokenRequests}, API calls: ${simulator.stats.apiRequests}`);
} finally {
  await simulator.close();
}

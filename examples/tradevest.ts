// The README example, run by the tradevest-client tests: a Tradevest client against an embedded
// local Tradevest simulator (an auth host and an API host). The client acts for one natural person
// by default (Requestor-ID); creating a natural person is exempt and goes without it.

import { startTradevestSimulator } from "@org/simulators";
import { createTradevestClient } from "@org/tradevest-client";

const simulator = await startTradevestSimulator({
  clients: [{ clientId: "example-client", clientSecret: "example-secret" }],
});

try {
  const requestorId = "123e4567-e89b-12d3-a456-426614174000"; // the natural person you act for
  const tradevest = createTradevestClient({
    clientId: "example-client",
    clientSecret: "example-secret",
    environment: "test",
    requestorId,
    baseUrl: simulator.url, // default for "test": https://tvda-api.platform-test.tradevest.ai
    tokenUrl: simulator.tokenUrl, // default: https://b2b.auth.platform-test.tradevest.ai/connect/token
  });

  const { data: partner } = await tradevest.GET("/v2/partner-details"); // Requestor-ID: requestorId
  console.log(`partner: ${partner?.businessName} (${partner?.globalId})`);

  const { data: created } = await tradevest.POST("/entities/natural-persons", {
    body: {
      gender: "MALE",
      firstName: "Max Peter",
      lastName: "Mustermann",
      birthDay: "1985-04-12",
      birthPlace: "Berlin",
      birthCountry: "DE",
      isUsNationality: false,
      externalId: "np-0001",
    },
  });
  console.log(`natural person ${created?.naturalPersonId} received (no Requestor-ID needed)`);

  const { data: order } = await tradevest.POST("/digital/orders/market", {
    body: {
      cryptoSymbol: "BTC",
      tradeSide: "BUY",
      quantityType: "UNIT",
      quantity: 0.01,
      externalId: "order-0001",
      walletCustomerProductId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      cashCustomerProductId: "0f8fad5b-d9cb-469f-a165-70867728950e",
    },
  });
  console.log(`order ${order?.orderId} placed on behalf of ${requestorId}`);

  // A client without a default must pass Requestor-ID per call; the types insist, and so does the API.
  const strict = createTradevestClient({
    clientId: "example-client",
    clientSecret: "example-secret",
    environment: "test",
    baseUrl: simulator.url,
    tokenUrl: simulator.tokenUrl,
  });
  // @ts-expect-error Requestor-ID is a required header of this operation
  const { error, response } = await strict.GET("/v2/partner-details");
  console.log(
    `without Requestor-ID: ${response.status} ${error?.message} (${error?.errorDetails?.[0]?.field})`,
  );
  console.log(`token requests: ${simulator.stats.tokenRequests}, API calls: ${simulator.stats.apiRequests}`);
} finally {
  await simulator.close();
}

// The README example, run by the boltpay-client tests: a boltPay gateway client against an embedded
// local boltPay simulator. The first call gets a 10-minute token (form body, fixed scope string);
// later calls reuse it until it is about to run out.
import { AmountSchema, createBoltPayClient, formatAmount } from "@org/boltpay-client";
import { startBoltPaySimulator } from "@org/simulators";

const simulator = await startBoltPaySimulator({
  clients: [{ clientId: "client3x3mPl3", clientSecret: "s3cr3Tp@ass" }],
});

try {
  const boltPay = createBoltPayClient({
    baseUrl: simulator.url, // your gateway host, as boltPay gave it: https://<pgw-url>
    clientId: "client3x3mPl3",
    clientSecret: "s3cr3Tp@ass",
  });

  const amount = formatAmount(12_50); // "000000001250": 12 digits, minor units
  AmountSchema.parse(amount); // the spec's pattern, checked at run time (the types cannot)
  const { data, error } = await boltPay.POST("/v1", {
    body: { amount, currencyCode: 200 /* boltPay's code for USD */, paymentMethod: "cc", recurring: 1 },
  });
  if (error !== undefined || data === undefined) throw new Error("payment failed");
  // The create-payment response is not documented (UndocumentedBody): check what you read.
  const { paymentId } = data as { paymentId: string };
  console.log(`payment ${paymentId} created (amount ${amount})`);

  const { data: refund } = await boltPay.POST("/v1/refund/{paymentId}", {
    params: { path: { paymentId } },
    body: { amount: formatAmount(2_50) },
  });
  console.log(`partial refund: ${refund?.success ? "success" : "failed"}`);

  const { data: recurring } = await boltPay.GET("/recurring", { params: { query: { status: "ACTIVE" } } });
  const count = recurring?.length ?? 0;
  console.log(`${count} active recurring payment${count === 1 ? "" : "s"}`);
  console.log(`token requests: ${simulator.stats.tokenRequests}, API calls: ${simulator.stats.apiRequests}`);
} finally {
  await simulator.close();
}

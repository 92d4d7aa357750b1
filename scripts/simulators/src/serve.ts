/**
 * `tsx scripts/simulators/src/serve.ts <provider>`: starts a simulator and prints one JSON line
 * `{ "provider", "url", "tokenUrl" }` on stdout; stops when stdin closes or on SIGTERM. Lets
 * processes outside the workspace (the consumer smoke test) talk to a simulator.
 */
import { startBolRetailerSimulator } from "./bol-retailer.js";
import { startBorderboltSimulator } from "./borderbolt.js";

const clients = [{ clientId: "smoke-client", clientSecret: "smoke-secret" }];
const starters = {
  borderbolt: () => startBorderboltSimulator({ clients }),
  "bol-retailer": () => startBolRetailerSimulator({ clients }),
} as const;

const provider = process.argv[2] as keyof typeof starters;
const start = starters[provider];
if (!start) {
  console.error(`Unknown simulator "${process.argv[2]}"; known: ${Object.keys(starters).join(", ")}`);
  process.exit(2);
}
const simulator = await start();
console.log(JSON.stringify({ provider, url: simulator.url, tokenUrl: simulator.tokenUrl }));
const stop = () => void simulator.close().then(() => process.exit(0));
process.stdin.on("end", stop).resume();
process.on("SIGTERM", stop);

// Runs a provider simulator in its own process (scripts/simulators/src/serve.ts), for consumers
// that live outside the workspace.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

const root = new URL("../..", import.meta.url).pathname;

/** @returns `{ url, tokenUrl, stop() }` once the simulator listens. */
export async function startSimulatorProcess(provider) {
  const child = spawn(
    join(root, "node_modules/.bin/tsx"),
    [join(root, "scripts/simulators/src/serve.ts"), provider],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const { value: line, done } = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  if (done) throw new Error(`the ${provider} simulator exited before it listened`);
  const { url, tokenUrl } = JSON.parse(line);
  return { url, tokenUrl, stop: () => child.stdin.end() };
}

/** Starts the simulators the consumer calls and returns the environment that points it at them. */
export async function startConsumerSimulators() {
  const [borderbolt, bol] = await Promise.all([
    startSimulatorProcess("borderbolt"),
    startSimulatorProcess("bol-retailer"),
  ]);
  return {
    env: { BORDERBOLT_URL: borderbolt.url, BOL_URL: bol.url, BOL_TOKEN_URL: bol.tokenUrl },
    stop: () => {
      borderbolt.stop();
      bol.stop();
    },
  };
}

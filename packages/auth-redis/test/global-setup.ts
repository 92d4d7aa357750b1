import type { TestProject } from "vitest/node";
import { type RedisServer, startRedisServer } from "./helpers/redis-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** `redis://127.0.0.1:<port>` of the redis-server started for this test run. */
    redisUrl: string;
  }
}

let server: RedisServer | undefined;

/**
 * Starts one real `redis-server` on a free loopback port for the `auth-redis` project and provides its
 * URL (`inject("redisUrl")`). Fails with a message naming `scripts/ensure-redis.sh` when redis-server
 * is not installed.
 */
export async function setup(project: TestProject): Promise<void> {
  server = await startRedisServer();
  project.provide("redisUrl", server.url);
}

/** Stops the server. */
export async function teardown(): Promise<void> {
  await server?.stop();
  server = undefined;
}

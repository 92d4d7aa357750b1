import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { RedisStoreWarning } from "../../src/index.js";
import type { WorkerConfig } from "../workers/token-worker.js";

const packageDir = fileURLToPath(new URL("../../", import.meta.url));
const workerScript = fileURLToPath(new URL("../workers/token-worker.ts", import.meta.url));

/** What a worker reports when its calls are done. */
export interface WorkerResult {
  readonly tokens: string[];
  readonly warnings: RedisStoreWarning[];
}

/** A forked token worker. */
export interface Worker {
  readonly child: ChildProcess;
  /** Resolves when the worker's Redis client is ready. */
  readonly ready: Promise<void>;
  /** Resolves at the worker's first `fetching` message (it is about to send a token request). */
  readonly fetching: Promise<void>;
  /** Resolves with the worker's result, or rejects when it exits before reporting. */
  readonly done: Promise<WorkerResult>;
  /** Resolves when the process has exited, with its signal. */
  readonly exited: Promise<NodeJS.Signals | null>;
  go(): void;
}

/**
 * Forks `test/workers/token-worker.ts` with `node --import tsx` (it imports this package's source and
 * the built `dist` of `@org/auth`).
 */
export function startWorker(config: WorkerConfig): Worker {
  const child = fork(workerScript, [JSON.stringify(config)], {
    cwd: packageDir,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let onReady!: () => void;
  let onFetching!: () => void;
  let onDone!: (result: WorkerResult) => void;
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    child.once("exit", () => reject(new Error(`worker ${child.pid} exited before it was ready`)));
  });
  ready.catch(() => undefined);
  const fetching = new Promise<void>((resolve) => {
    onFetching = resolve;
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => {
    child.once("exit", (_code, signal) => resolve(signal));
  });
  const done = new Promise<WorkerResult>((resolve, reject) => {
    onDone = resolve;
    void exited.then((signal) =>
      reject(new Error(`worker ${child.pid} exited (${signal ?? "no signal"}) before it was done`)),
    );
  });
  done.catch(() => undefined);
  child.on("message", (message: { type?: string } & Partial<WorkerResult>) => {
    if (message.type === "ready") onReady();
    else if (message.type === "fetching") onFetching();
    else if (message.type === "done")
      onDone({ tokens: message.tokens ?? [], warnings: message.warnings ?? [] });
  });
  return { child, ready, fetching, done, exited, go: () => child.send("go") };
}

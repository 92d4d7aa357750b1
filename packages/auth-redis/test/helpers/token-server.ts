import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One token request as received. */
export interface ReceivedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly url: string;
  readonly body: string;
}

/** A counting OAuth token endpoint on 127.0.0.1. */
export interface CountingTokenServer {
  /** `http://127.0.0.1:<port>/oauth/token` */
  readonly tokenUrl: string;
  /** Requests received so far, in order. */
  readonly requests: ReceivedRequest[];
  /** Access tokens issued, in order (`at-<random>-<n>`). */
  readonly issued: string[];
  /** How many token requests arrived. */
  count(): number;
  /** Resolves once `n` requests have arrived. */
  waitForCount(n: number): Promise<void>;
  /** Holds every response until the returned function is called. */
  gate(): () => void;
  close(): Promise<void>;
}

/**
 * Starts a token endpoint that answers each request with a fresh, long random access token and
 * `expires_in`, and counts requests.
 *
 * @param expiresIn - `expires_in` of the issued tokens, in seconds
 */
export async function startCountingTokenServer(expiresIn = 299): Promise<CountingTokenServer> {
  const requests: ReceivedRequest[] = [];
  const issued: string[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const sockets = new Set<Socket>();
  let held: Promise<void> | undefined;
  const run = randomBytes(12).toString("hex");

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({
        headers: req.headers,
        url: req.url ?? "",
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const n = requests.length;
      for (const waiter of waiters.filter((w) => w.n <= n)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const answer = () => {
        const accessToken = `at-${run}-${n}`;
        issued.push(accessToken);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ access_token: accessToken, token_type: "Bearer", expires_in: expiresIn }));
      };
      if (held) void held.then(answer);
      else answer();
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    tokenUrl: `http://127.0.0.1:${port}/oauth/token`,
    requests,
    issued,
    count: () => requests.length,
    waitForCount(n) {
      if (requests.length >= n) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    gate() {
      let release!: () => void;
      held = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        held = undefined;
        release();
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

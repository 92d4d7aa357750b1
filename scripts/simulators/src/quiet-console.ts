/**
 * Silences the `console.warn`/`log`/`info` lines that start with `prefix` until the returned
 * function is called; everything else still prints. oidc-provider prints development notices this
 * way (Node 20 is "unsupported", the in-memory adapter, development keys), once per test server.
 *
 * @param prefix - the start of the lines to drop, e.g. `"oidc-provider "`
 * @returns a function restoring the original console methods
 */
export function quietConsole(prefix: string): () => void {
  const { warn, log, info } = console;
  const filter =
    (original: (...args: unknown[]) => void) =>
    (...args: unknown[]): void => {
      if (typeof args[0] === "string" && args[0].startsWith(prefix)) return;
      original.apply(console, args);
    };
  console.warn = filter(warn);
  console.log = filter(log);
  console.info = filter(info);
  return () => {
    console.warn = warn;
    console.log = log;
    console.info = info;
  };
}

/**
 * Redaction helpers. Every object of this package that could hold a secret (errors, tokens, token
 * sources, stores) renders itself through these helpers in `toJSON()` and in
 * `[Symbol.for("nodejs.util.inspect.custom")]`, so logging it never prints a secret.
 *
 * `Symbol.for` is used instead of importing `node:util`, so this module also runs on edge runtimes.
 */

/** The placeholder printed instead of a secret value. */
export const REDACTED = "[REDACTED]";

/** The well-known symbol `util.inspect` calls to render an object (`util.inspect.custom`). */
export const inspectSymbol: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

/**
 * The signature of a `[inspectSymbol]` method as Node calls it. Only `inspect` is used here, to render
 * the redacted view with the caller's options.
 */
export type InspectFunction = (
  depth: number,
  options: Record<string, unknown>,
  inspect?: (value: unknown, options?: Record<string, unknown>) => string,
) => string;

/**
 * Renders `view` (an already redacted plain object) as `Name { ... }` through Node's own `inspect` when
 * it is passed in, or as JSON otherwise.
 *
 * @param name - the class-like name printed before the object
 * @param view - a plain object holding no secret
 * @param options - the options `util.inspect` passed to the custom inspect method
 * @param inspect - the `inspect` function Node passes as third argument (Node 16.14 and newer)
 * @returns the rendered text
 */
export function renderRedacted(
  name: string,
  view: Record<string, unknown>,
  options: Record<string, unknown> | undefined,
  inspect: ((value: unknown, options?: Record<string, unknown>) => string) | undefined,
): string {
  const body = inspect ? inspect(view, { ...options, customInspect: true }) : JSON.stringify(view);
  return `${name} ${body}`;
}

/**
 * A scrubber for free text (error messages from fetch, `error_description` from a server): replaces
 * every occurrence of any known secret with {@link REDACTED}. Secrets are held in a closure and are
 * never exposed.
 */
export interface SecretScrubber {
  /** Returns `text` with every known secret replaced by {@link REDACTED}. */
  scrub(text: string): string;
  /** Adds secrets to scrub from now on (for example a freshly issued access or refresh token). */
  add(...secrets: ReadonlyArray<string | undefined>): void;
}

/** Secrets shorter than this are not scrubbed from text: they would match ordinary words. */
const MIN_SCRUB_LENGTH = 4;

/** How many recently seen tokens a scrubber remembers (old ones are expired anyway). */
const MAX_SCRUB_SECRETS = 32;

/**
 * Creates a {@link SecretScrubber} that knows `secrets` (empty and very short values are ignored).
 *
 * @param secrets - the initial secrets (client secret, API keys)
 * @returns a scrubber
 */
export function createSecretScrubber(...secrets: ReadonlyArray<string | undefined>): SecretScrubber {
  const fixed = secrets.filter(isScrubbable);
  const recent: string[] = [];
  const variants = (secret: string): string[] => {
    const out = [secret];
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out.push(encoded);
    const form = new URLSearchParams({ s: secret }).toString().slice(2);
    if (form !== secret && form !== encoded) out.push(form);
    return out;
  };
  return {
    scrub(text: string): string {
      let result = text;
      for (const secret of [...fixed, ...recent]) {
        for (const variant of variants(secret)) {
          if (result.includes(variant)) result = result.split(variant).join(REDACTED);
        }
      }
      return result;
    },
    add(...more: ReadonlyArray<string | undefined>): void {
      for (const secret of more) {
        if (!isScrubbable(secret) || recent.includes(secret)) continue;
        recent.push(secret);
        if (recent.length > MAX_SCRUB_SECRETS) recent.shift();
      }
    },
  };
}

function isScrubbable(value: string | undefined): value is string {
  return typeof value === "string" && value.length >= MIN_SCRUB_LENGTH;
}

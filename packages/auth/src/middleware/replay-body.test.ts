import { describe, expect, test } from "vitest";
import { replayableBody } from "./replay-body.js";
import { ReplayableRequest } from "./replayable-request.js";

const URL_ = "https://api.example.test/things";

describe("replayableBody", () => {
  test("a ReplayableRequest's string body is returned as it is, and the request stays unread", () => {
    const request = new ReplayableRequest(URL_, { method: "POST", body: '{"a":1}' });
    expect(replayableBody(request)).toBe('{"a":1}');
    expect(request.bodyUsed).toBe(false);
  });

  test("bytes are copied: changing them after the request was built does not change the replay", async () => {
    const bytes = new TextEncoder().encode("abc");
    const body = replayableBody(new ReplayableRequest(URL_, { method: "POST", body: bytes }));
    bytes[0] = 0x7a;
    expect(new TextDecoder().decode(body as ArrayBuffer)).toBe("abc");
  });

  test("form parameters become their serialized string", () => {
    const request = new ReplayableRequest(URL_, { method: "POST", body: new URLSearchParams({ a: "1 2" }) });
    expect(replayableBody(request)).toBe("a=1+2");
  });

  test("a stream body cannot be had without reading it", () => {
    const stream = new ReadableStream({ start: (controller) => controller.close() });
    const request = new ReplayableRequest(URL_, {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(replayableBody(request)).toBeUndefined();
  });
});

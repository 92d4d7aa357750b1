/** A tiny hand-written openapi-typescript `paths` type for the test API. */
export interface paths {
  "/things/{id}": {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    get: {
      parameters: {
        query?: never;
        header?: { "Requestor-ID"?: string };
        path: { id: string };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { "application/json": { ok: boolean; path: string; body: string } };
        };
        401: { headers: { [name: string]: unknown }; content: { "application/json": { error: string } } };
      };
    };
  };
  "/things": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    post: {
      parameters: { query?: never; header?: { "Requestor-ID"?: string }; path?: never; cookie?: never };
      requestBody: { content: { "application/json": { name: string; items?: number[] } } };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { "application/json": { ok: boolean; path: string; body: string } };
        };
        401: { headers: { [name: string]: unknown }; content: { "application/json": { error: string } } };
      };
    };
  };
  "/redirect": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query: { to: string }; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 302: { headers: { [name: string]: unknown }; content?: never } };
    };
  };
}

import { describe, expect, test } from "vitest";
import { readOperationModel } from "./operation-model.js";

const document = {
  openapi: "3.1.0",
  paths: {
    "/orders": {
      parameters: [{ $ref: "#/components/parameters/Page" }],
      get: {
        operationId: "get-orders",
        responses: {
          "200": {
            content: { "application/vnd.shop.v1+json": { schema: { $ref: "#/components/schemas/Orders" } } },
          },
          "404": { content: { "application/problem+json": {} } },
        },
      },
      post: {
        requestBody: { content: { "application/vnd.shop.v1+json": {}, "application/json": {} } },
        responses: { "202": { $ref: "#/components/responses/Accepted" } },
      },
    },
    "/reports/{id}": {
      get: {
        operationId: "get-report",
        parameters: [{ name: "page", in: "query" }],
        responses: {
          "200": {
            content: { "text/csv": {}, "application/vnd.shop.v1+json": { schema: { type: "object" } } },
          },
        },
      },
    },
  },
  components: {
    parameters: { Page: { name: "page", in: "query", schema: { type: "integer" } } },
    responses: { Accepted: { content: { "application/vnd.shop.v1+json": {} } } },
    schemas: {
      Orders: {
        type: "object",
        properties: { orders: { type: ["array", "null"], items: {} }, total: { type: "integer" } },
      },
    },
  },
};

describe("readOperationModel", () => {
  const model = readOperationModel(document);

  test("media types: 2xx response types in order (through $refs), the first request body type", () => {
    expect(Object.fromEntries(model.mediaTypes)).toEqual({
      "GET /orders": { accept: ["application/vnd.shop.v1+json"] },
      "POST /orders": {
        accept: ["application/vnd.shop.v1+json"],
        contentType: "application/vnd.shop.v1+json",
      },
      "GET /reports/{id}": { accept: ["text/csv", "application/vnd.shop.v1+json"] },
    });
  });

  test("operationIds, only where the spec gives one", () => {
    expect(Object.fromEntries(model.operationIds)).toEqual({
      "GET /orders": "get-orders",
      "GET /reports/{id}": "get-report",
    });
  });

  test("a list operation has a page parameter (path-level too) and one array property in its 200 body", () => {
    expect(Object.fromEntries(model.listOperations)).toEqual({ "/orders": "orders" });
  });
});

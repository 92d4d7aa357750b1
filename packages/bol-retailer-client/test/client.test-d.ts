import { assertType, describe, expectTypeOf, test } from "vitest";
import {
  type BolRetailerClient,
  type CsvPath,
  type components,
  createBolRetailerClient,
  downloadCsv,
  downloadPdf,
  downloadSpreadsheet,
  getProcessStatuses,
  type ListItem,
  type ListPath,
  type PdfPath,
  type ProcessStatus,
  paginate,
  rateLimitInfo,
  type SucceededProcessStatus,
  waitForProcess,
} from "../src/index.js";

type Schemas = components["schemas"];

const bol: BolRetailerClient = createBolRetailerClient({
  clientId: "id",
  clientSecret: "secret",
  environment: "demo",
});

describe("vendor media type operations", () => {
  test("JSON operations (application/vnd.retailer.v10+json) type-check and narrow `data`", async () => {
    const orders = await bol.GET("/retailer/orders", {
      params: { query: { status: "OPEN", "fulfilment-method": "FBR", page: 2 } },
    });
    expectTypeOf(orders.data).toEqualTypeOf<Schemas["ReducedOrders"] | undefined>();
    expectTypeOf(orders.error).toEqualTypeOf<Schemas["Problem"] | undefined>();

    const order = await bol.GET("/retailer/orders/{order-id}", {
      params: { path: { "order-id": "1043946570" } },
    });
    expectTypeOf(order.data).toEqualTypeOf<Schemas["Order"] | undefined>();

    // Two media types (retailer and advertiser) with the same schema: still one type.
    const status = await bol.GET("/shared/process-status/{process-status-id}", {
      params: { path: { "process-status-id": "1" } },
    });
    expectTypeOf(status.data).toEqualTypeOf<ProcessStatus | undefined>();
  });

  test("a 202 operation's data is ProcessStatus", async () => {
    const shipment = await bol.POST("/retailer/shipments", {
      body: { orderItems: [{ orderItemId: "6042823871", quantity: 1 }], shipmentReference: "ref" },
    });
    expectTypeOf(shipment.data).toEqualTypeOf<ProcessStatus | undefined>();
    expectTypeOf<ProcessStatus["status"]>().toEqualTypeOf<"PENDING" | "SUCCESS" | "FAILURE" | "TIMEOUT">();

    const deleted = await bol.DELETE("/retailer/subscriptions/{subscription-id}", {
      params: { path: { "subscription-id": "1234" } },
    });
    expectTypeOf(deleted.data).toEqualTypeOf<ProcessStatus | undefined>();

    // application/json body (create-return), not the vendor type: typed all the same.
    const created = await bol.POST("/retailer/returns", {
      body: { orderItemId: "6042823871", quantityReturned: 1, handlingResult: "RETURN_RECEIVED" },
    });
    expectTypeOf(created.data).toEqualTypeOf<ProcessStatus | undefined>();
  });

  test("per-call parseAs changes the type of data", async () => {
    const csv = await bol.GET("/retailer/offers/export/{report-id}", {
      params: { path: { "report-id": "r" } },
      parseAs: "text",
    });
    expectTypeOf(csv.data).toEqualTypeOf<string | undefined>();
    const pdf = await bol.GET("/retailer/shipping-labels/{shipping-label-id}", {
      params: { path: { "shipping-label-id": "l" } },
      parseAs: "arrayBuffer",
    });
    expectTypeOf(pdf.data).toEqualTypeOf<ArrayBuffer | undefined>();
  });

  test("an unknown path does not compile", () => {
    // @ts-expect-error "/retailer/order" (singular) is not a path of the spec
    bol.GET("/retailer/order", {});
    // @ts-expect-error the demo prefix is not written in paths: the client adds it
    bol.GET("/retailer-demo/orders", {});
    // @ts-expect-error shipments are created with POST, not PUT
    bol.PUT("/retailer/shipments", { body: { orderItems: [] } });
  });

  test("a wrong enum value does not compile", () => {
    // @ts-expect-error status is OPEN | SHIPPED | ALL
    bol.GET("/retailer/orders", { params: { query: { status: "CLOSED" } } });
    bol.GET("/shared/process-status", {
      // @ts-expect-error event-type is one of bol's 26 event types
      params: { query: { "entity-id": "1", "event-type": "CREATE_SHIPMENTS" } },
    });
    bol.PUT("/retailer/orders/cancellation", {
      // @ts-expect-error reasonCode is one of bol's cancellation reasons
      body: { orderItems: [{ orderItemId: "1", reasonCode: "CHANGED_MY_MIND" }] },
    });
  });

  test("missing path parameters and body fields do not compile", () => {
    // @ts-expect-error order-id is required
    bol.GET("/retailer/orders/{order-id}", { params: { path: {} } });
    // @ts-expect-error orderItems is required
    bol.POST("/retailer/shipments", { body: { shipmentReference: "x" } });
  });
});

describe("download helpers", () => {
  test("CSV is a string, PDF and Excel are bytes", async () => {
    const csv = await downloadCsv(bol, "/retailer/offers/export/{report-id}", {
      params: { path: { "report-id": "r" } },
    });
    expectTypeOf(csv.data).toEqualTypeOf<string | undefined>();
    if (csv.error) expectTypeOf(csv.error).toExtend<Schemas["Problem"]>();

    const label = await downloadPdf(bol, "/retailer/shipping-labels/{shipping-label-id}", {
      params: { path: { "shipping-label-id": "l" } },
    });
    expectTypeOf(label.data).toEqualTypeOf<ArrayBuffer | undefined>();

    // The one PDF answered to a POST: the body is typed.
    const labels = await downloadPdf(bol, "/retailer/replenishments/product-labels", {
      body: { labelFormat: "AVERY_J8159", products: [{ ean: "0000007740404", quantity: 2 }] },
    });
    expectTypeOf(labels.data).toEqualTypeOf<ArrayBuffer | undefined>();

    const sheet = await downloadSpreadsheet(bol, "/retailer/invoices/{invoice-id}/specification", {
      params: { path: { "invoice-id": "1" } },
    });
    expectTypeOf(sheet.data).toEqualTypeOf<ArrayBuffer | undefined>();
  });

  test("only paths that answer the media type are accepted", () => {
    expectTypeOf<CsvPath>().toEqualTypeOf<
      "/retailer/offers/export/{report-id}" | "/retailer/offers/unpublished/{report-id}"
    >();
    expectTypeOf<"/retailer/invoices/{invoice-id}">().toExtend<PdfPath>();
    // @ts-expect-error orders are JSON, not CSV
    downloadCsv(bol, "/retailer/orders", {});
    // @ts-expect-error the offer export is CSV, not PDF
    downloadPdf(bol, "/retailer/offers/export/{report-id}", { params: { path: { "report-id": "r" } } });
    // @ts-expect-error report-id is required
    downloadCsv(bol, "/retailer/offers/export/{report-id}", { params: { path: {} } });
    // @ts-expect-error the init is required when the path has a parameter
    downloadCsv(bol, "/retailer/offers/export/{report-id}");
  });
});

describe("process status", () => {
  test("waitForProcess resolves to a SUCCESS status with entityId", async () => {
    const { data } = await bol.POST("/retailer/shipments", { body: { orderItems: [{ orderItemId: "1" }] } });
    if (!data) return;
    const done = await waitForProcess(bol, data, { intervalMs: 500, maxIntervalMs: 5_000, backoff: 2 });
    expectTypeOf(done).toEqualTypeOf<SucceededProcessStatus>();
    expectTypeOf(done.status).toEqualTypeOf<"SUCCESS">();
    expectTypeOf(done.entityId).toEqualTypeOf<string | null | undefined>();
    assertType<Promise<SucceededProcessStatus>>(waitForProcess(bol, "123"));
    // @ts-expect-error a process status id is a string
    waitForProcess(bol, 123);
    // @ts-expect-error there is no `interval` option; it is intervalMs
    waitForProcess(bol, "123", { interval: 5 });
  });

  test("getProcessStatuses resolves to a map of statuses", async () => {
    expectTypeOf(await getProcessStatuses(bol, ["1", "2"])).toEqualTypeOf<Map<string, ProcessStatus>>();
  });
});

describe("pagination", () => {
  test("items are typed by the operation", async () => {
    for await (const order of paginate(bol, "/retailer/orders", { params: { query: { status: "ALL" } } })) {
      expectTypeOf(order).toEqualTypeOf<Schemas["ReducedOrder"]>();
    }
    for await (const shipment of paginate(bol, "/retailer/shipments")) {
      expectTypeOf(shipment).toEqualTypeOf<Schemas["ReducedShipment"]>();
    }
    expectTypeOf<ListItem<"/retailer/returns">>().toEqualTypeOf<Schemas["ReducedReturn"]>();
    expectTypeOf<ListItem<"/shared/process-status">>().toEqualTypeOf<ProcessStatus>();
    expectTypeOf<ListItem<"/retailer/promotions">>().toEqualTypeOf<Schemas["ReducedPromotion"]>();
  });

  test("only page-numbered list paths, with their own parameters, compile", () => {
    expectTypeOf<"/retailer/orders">().toExtend<ListPath>();
    // @ts-expect-error a single order is not a list
    paginate(bol, "/retailer/orders/{order-id}", {});
    // @ts-expect-error status is OPEN | SHIPPED | ALL
    paginate(bol, "/retailer/orders", { params: { query: { status: "CLOSED" } } });
    // @ts-expect-error entity-id and event-type are required by the process-status list
    paginate(bol, "/shared/process-status");
    paginate(bol, "/shared/process-status", {
      params: { query: { "entity-id": "6042823871", "event-type": "CREATE_SHIPMENT" } },
    });
    paginate(bol, "/retailer/orders", {}, { maxPages: 2 });
  });
});

describe("rate limits", () => {
  test("rateLimitInfo is typed", async () => {
    const { response } = await bol.GET("/retailer/orders");
    expectTypeOf(rateLimitInfo(response)).toEqualTypeOf<{
      readonly retryAfterMs: number | undefined;
      readonly limit: number | undefined;
      readonly remaining: number | undefined;
      readonly resetAt: Date | undefined;
    }>();
    createBolRetailerClient({ clientId: "a", clientSecret: "b", retry: { limit: 3, methods: ["GET"] } });
    // @ts-expect-error retry is a boolean or an options object
    createBolRetailerClient({ clientId: "a", clientSecret: "b", retry: 3 });
  });
});

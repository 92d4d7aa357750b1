import { type BolRetailerSimulator, startBolRetailerSimulator } from "@org/simulators";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type BolRetailerClient, downloadCsv, downloadPdf, waitForProcess } from "../src/index.js";
import { CLIENT_ID, CLIENT_SECRET, clientFor } from "./helpers.js";

let sim: BolRetailerSimulator;
let bol: BolRetailerClient;
beforeEach(async () => {
  sim = await startBolRetailerSimulator({ clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
  bol = clientFor(sim);
});
afterEach(() => sim.close());

async function exportReport(): Promise<string> {
  const { data } = await bol.POST("/retailer/offers/export", { body: { format: "CSV" } });
  const done = await waitForProcess(bol, data ?? "", { intervalMs: 5 });
  return done.entityId ?? "";
}

describe("CSV", () => {
  test("downloadCsv sends Accept: …+csv and resolves to the CSV text", async () => {
    const reportId = await exportReport();
    const { data, response } = await downloadCsv(bol, "/retailer/offers/export/{report-id}", {
      params: { path: { "report-id": reportId } },
    });
    expect(response.headers.get("content-type")).toBe("application/vnd.retailer.v10+csv");
    expect(data?.split("\n")[0]).toMatch(/^offerId,ean,/);
    expect(sim.requests.at(-1)?.accept).toBe("application/vnd.retailer.v10+csv");
  });

  test('a plain GET with parseAs: "text" works too, and without parseAs the text is still handed over', async () => {
    const reportId = await exportReport();
    const params = { path: { "report-id": reportId } };
    const asText = await bol.GET("/retailer/offers/export/{report-id}", { params, parseAs: "text" });
    const plain = await bol.GET("/retailer/offers/export/{report-id}", { params });
    expect(asText.data).toMatch(/^offerId,/);
    expect(plain.data).toBe(asText.data);
  });

  test("the demo environment's text/csv answer is text as well", async () => {
    const demo = clientFor(sim, { environment: "demo" });
    const { data } = await demo.POST("/retailer/offers/export", { body: { format: "CSV" } });
    const done = await waitForProcess(demo, data ?? "", { intervalMs: 5 });
    const csv = await downloadCsv(demo, "/retailer/offers/export/{report-id}", {
      params: { path: { "report-id": done.entityId ?? "" } },
    });
    expect(csv.response.headers.get("content-type")).toBe("text/csv");
    expect(csv.data).toMatch(/^offerId,/);
  });

  test("an unknown report is bol's 404 Problem in `error`", async () => {
    const { data, error, response } = await downloadCsv(bol, "/retailer/offers/export/{report-id}", {
      params: { path: { "report-id": "nope" } },
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ status: 404, title: "Not Found" });
  });
});

describe("PDF", () => {
  test("downloadPdf sends Accept: …+pdf and resolves to the bytes, with bol's label headers", async () => {
    const { data, response } = await downloadPdf(bol, "/retailer/shipping-labels/{shipping-label-id}", {
      params: { path: { "shipping-label-id": "b5a8d2c0" } },
    });
    expect(data).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(data?.slice(0, 8))).toBe("%PDF-1.4");
    expect(response.headers.get("x-track-and-trace-code")).toBe("3SBOL0987654321");
    expect(sim.requests.at(-1)?.accept).toBe("application/vnd.retailer.v10+pdf");
  });

  test("parsing a PDF as JSON fails with BOL_BINARY_BODY, naming the fix", async () => {
    await expect(
      bol.GET("/retailer/shipping-labels/{shipping-label-id}", {
        params: { path: { "shipping-label-id": "b5a8d2c0" } },
      }),
    ).rejects.toMatchObject({ code: "BOL_BINARY_BODY", message: expect.stringContaining("downloadPdf") });
  });

  test('parseAs: "blob" on a plain GET gives a Blob', async () => {
    const { data } = await bol.GET("/retailer/shipping-labels/{shipping-label-id}", {
      params: { path: { "shipping-label-id": "b5a8d2c0" } },
      parseAs: "blob",
    });
    expect(data?.size).toBeGreaterThan(100);
  });
});

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CATALOG_TESTS } from "../workers/catalog/tests";
import { catalogSeedStatements } from "../workers/catalog/seed";
import { api, expectError } from "./helpers";

describe("catalog", () => {
  it("seeds at least 24 tests over several categories, difficulties and languages", async () => {
    const all = await listAll("/api/tests?limit=100");
    expect(all.length).toBe(CATALOG_TESTS.length);
    expect(all.length).toBeGreaterThanOrEqual(24);
    expect(new Set(all.map((t) => t.category)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((t) => t.difficulty))).toEqual(new Set(["easy", "medium", "hard"]));
    expect(new Set(all.map((t) => t.language))).toContain("en");
  });

  it("re-seeding changes nothing (idempotent upserts by slug)", async () => {
    const before = await env.DB.prepare("SELECT count(*) AS n, max(id) AS maxId FROM tests").first();
    await env.DB.batch(catalogSeedStatements().map((s) => env.DB.prepare(s.sql).bind(...s.params)));
    expect(await env.DB.prepare("SELECT count(*) AS n, max(id) AS maxId FROM tests").first()).toEqual(before);
  });

  it("paginates with a default page of 20 and an opaque cursor", async () => {
    const first = await api("GET", "/api/tests");
    expect(first.body.data).toHaveLength(20);
    expect(first.body.pagination.has_more).toBe(true);
    const second = await api("GET", `/api/tests?cursor=${encodeURIComponent(first.body.pagination.next_cursor)}`);
    expect(second.body.data[0].id).toBeGreaterThan(first.body.data[19].id);
    const ids = [...first.body.data, ...second.body.data].map((t: { id: number }) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.body.pagination).toEqual({ next_cursor: null, has_more: false });
  });

  it("lists summaries without the text", async () => {
    const res = await api("GET", "/api/tests?limit=1");
    expect(Object.keys(res.body.data[0]).sort()).toEqual(["category", "difficulty", "durationSeconds", "id", "language", "title", "wordCount"]);
  });

  it("filters by category, difficulty and language", async () => {
    const res = await listAll("/api/tests?category=programming&difficulty=hard&limit=100");
    expect(res.length).toBeGreaterThan(0);
    for (const t of res) expect(t).toMatchObject({ category: "programming", difficulty: "hard" });
    const es = await listAll("/api/tests?language=es&limit=100");
    expect(es.length).toBe(CATALOG_TESTS.filter((t) => t.language === "es").length);
    expect((await api("GET", "/api/tests?category=nothing-like-this")).body).toMatchObject({ data: [], pagination: { has_more: false } });
  });

  it("shows one test with its content", async () => {
    const res = await api("GET", "/api/tests/1");
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: 1, content: expect.any(String) });
    expect(res.body.data.wordCount).toBe(res.body.data.content.split(/\s+/).length);
    expectError(await api("GET", "/api/tests/999999"), 404, "NOT_FOUND");
    expectError(await api("GET", "/api/tests/0"), 400, "VALIDATION_ERROR");
  });

  it("rejects out-of-range limits and bad filters", async () => {
    for (const q of ["limit=0", "limit=101", "limit=abc", "difficulty=impossible"]) {
      expectError(await api("GET", `/api/tests?${q}`), 400, "VALIDATION_ERROR");
    }
  });

  it("rejects tampered and foreign cursors", async () => {
    const first = await api("GET", "/api/tests?limit=2");
    const cursor: string = first.body.pagination.next_cursor;
    const [body, tag] = cursor.split(".");
    const forgedBody = btoa(JSON.stringify({ id: 0 })).replace(/=+$/, "");
    for (const bad of [`${forgedBody}.${tag}`, `${body}.${tag!.slice(0, -2)}AA`, "garbage", `${body}`, `${cursor}.extra`]) {
      const err = expectError(await api("GET", `/api/tests?cursor=${encodeURIComponent(bad)}`), 400, "VALIDATION_ERROR");
      expect(err.details.fields[0].field).toBe("cursor");
    }
  });
});

async function listAll(path: string): Promise<Array<Record<string, any>>> {
  const out: Array<Record<string, any>> = [];
  let url = path;
  for (;;) {
    const res = await api("GET", url);
    out.push(...res.body.data);
    if (!res.body.pagination.has_more) return out;
    url = `${path}&cursor=${encodeURIComponent(res.body.pagination.next_cursor)}`;
  }
}

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../workers/app";
import { api, apiRequest, expectError, parse, signupUser } from "./helpers";

describe("HTTP conventions", () => {
  it("echoes a well-formed X-Request-Id and always sends X-API-Version", async () => {
    const res = await api("GET", "/api/health", { headers: { "X-Request-Id": "client-req_42" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Request-Id")).toBe("client-req_42");
    expect(res.headers.get("X-API-Version")).toBe("1");
  });

  it("mints a request id when the client's is malformed, and puts it in error envelopes", async () => {
    const res = await api("GET", "/api/nope", { headers: { "X-Request-Id": "bad id with spaces" } });
    const err = expectError(res, 404, "NOT_FOUND");
    const minted = res.headers.get("X-Request-Id");
    expect(minted).not.toBe("bad id with spaces");
    expect(minted).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(err.request_id).toBe(minted);
    expect(res.headers.get("X-API-Version")).toBe("1");
  });

  it("rejects over-long client request ids", async () => {
    const res = await api("GET", "/api/health", { headers: { "X-Request-Id": "a".repeat(65) } });
    expect(res.headers.get("X-Request-Id")).not.toBe("a".repeat(65));
  });

  it("answers unknown paths with 404 in the envelope", async () => {
    expectError(await api("GET", "/nothing/here"), 404, "NOT_FOUND");
    expectError(await api("POST", "/api/tests/1/nothing", { body: {} }), 404, "NOT_FOUND");
  });

  it("answers a known path with the wrong method with 405 and Allow", async () => {
    const res = await api("DELETE", "/api/tests/1");
    const err = expectError(res, 405, "METHOD_NOT_ALLOWED");
    expect(res.headers.get("Allow")).toBe("GET, HEAD");
    expect(err.details.allowed).toEqual(["GET", "HEAD"]);
    expectError(await api("GET", "/api/auth/signin"), 405, "METHOD_NOT_ALLOWED");
    expectError(await api("PATCH", "/api/user/profile", { body: {} }), 405, "METHOD_NOT_ALLOWED");
  });

  it("answers CORS preflights so browser apps on other origins can call the API", async () => {
    const res = await api("OPTIONS", "/api/tests/1/submit", {
      headers: { Origin: "https://app.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type, idempotency-key" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("idempotency-key");
    const get = await api("GET", "/api/health", { headers: { Origin: "https://app.example" } });
    expect(get.headers.get("Access-Control-Expose-Headers")).toContain("X-Request-Id");
  });

  it("turns malformed JSON into INVALID_REQUEST", async () => {
    const res = await api("POST", "/api/auth/signin", { rawBody: '{"username": "x",', headers: { "Content-Type": "application/json" } });
    expectError(res, 400, "INVALID_REQUEST");
  });

  it("requires JSON bodies to say so", async () => {
    const res = await api("POST", "/api/auth/signin", { rawBody: "username=x&password=y", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expectError(res, 400, "INVALID_REQUEST");
  });

  it("lists every bad field in VALIDATION_ERROR", async () => {
    const res = await api("POST", "/api/auth/signup", { body: { username: "a!", email: "not-an-email", password: "short" } });
    const err = expectError(res, 400, "VALIDATION_ERROR");
    const fields = (err.details.fields as Array<{ field: string; message: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(["email", "password", "username"]);
    for (const f of err.details.fields) expect(f.message).toEqual(expect.any(String));
  });

  it("reports a missing body as validation errors of the required fields", async () => {
    const res = await api("POST", "/api/auth/signin");
    const err = expectError(res, 400, "VALIDATION_ERROR");
    expect(err.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(["password", "username"]);
  });

  it("caps body size with 413 in the envelope", async () => {
    const res = await api("POST", "/api/auth/signin", { body: { username: "x", password: "y".repeat(70_000) } });
    const err = expectError(res, 413, "PAYLOAD_TOO_LARGE");
    expect(err.details.limitBytes).toBe(64 * 1024);
  });

  it("allows keystroke-sized bodies on submit but still caps them", async () => {
    const user = await signupUser();
    const big = { typedText: "x", timeTaken: 1, keystrokeData: { keyTimings: [], keyErrors: {}, pad: "p".repeat(1_100_000) } };
    expectError(await api("POST", "/api/tests/1/submit", { token: user.accessToken, body: big }), 413, "PAYLOAD_TOO_LARGE");
    const fine = { typedText: "x", timeTaken: 1, keystrokeData: { keyTimings: Array.from({ length: 4000 }, (_, i) => ({ key: "x", t: i * 10 })), keyErrors: {} } };
    expect(JSON.stringify(fine).length).toBeGreaterThan(64 * 1024);
    expect((await api("POST", "/api/tests/1/submit", { token: user.accessToken, body: fine })).status).toBe(201);
  });

  it("serves an OpenAPI 3.1 document generated from the route schemas", async () => {
    const res = await api("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const paths = Object.keys(res.body.paths).sort();
    for (const p of ["/api/auth/signup", "/api/auth/signin", "/api/auth/refresh", "/api/auth/logout", "/api/user/profile", "/api/user/{id}", "/api/tests", "/api/tests/{id}", "/api/tests/{id}/submit", "/api/test-results", "/api/test-results/{id}", "/api/health"]) {
      expect(paths).toContain(p);
    }
    const signup = res.body.paths["/api/auth/signup"].post;
    expect(signup.requestBody.content["application/json"].schema).toBeDefined();
    expect(Object.keys(signup.responses)).toEqual(expect.arrayContaining(["201", "400", "409"]));
    expect(res.body.components.securitySchemes.Bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });
});

describe("health", () => {
  it("reports ok with its checks", async () => {
    const res = await api("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, data: { status: "ok", checks: { db: "ok", queue: "ok", rankings: "not_configured" } } });
  });

  it("is 503 when the database is down", async () => {
    const brokenDb = { prepare: () => ({ first: () => Promise.reject(new Error("D1_ERROR: database unavailable")) }) } as unknown as D1Database;
    const res = await parse(await createApp().fetch(apiRequest("GET", "/api/health"), { ...env, DB: brokenDb }, { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext));
    const err = expectError(res, 503, "SERVICE_UNAVAILABLE");
    expect(err.details.checks.db).toBe("down");
    expect(JSON.stringify(res.body)).not.toContain("D1_ERROR");
  });

  it("reports unexpected failures as INTERNAL_ERROR without leaking SQL or stacks", async () => {
    const failingDb = { prepare: () => { throw new Error("SQLITE_ERROR: no such column: password_hash in SELECT * FROM users"); } } as unknown as D1Database;
    const res = await parse(await createApp().fetch(apiRequest("GET", "/api/tests/1"), { ...env, DB: failingDb }, {} as ExecutionContext));
    const err = expectError(res, 500, "INTERNAL_ERROR");
    expect(err.message).toBe("Internal server error");
    expect(JSON.stringify(res.body)).not.toMatch(/SQLITE|SELECT|password_hash|at /);
  });

  it("refuses to serve without its secrets instead of defaulting them", async () => {
    const { JWT_SECRET: _drop, ...noSecret } = env;
    const res = await parse(await createApp().fetch(apiRequest("GET", "/api/tests"), { ...noSecret, ENVIRONMENT: "production" }, {} as ExecutionContext));
    const err = expectError(res, 503, "SERVICE_UNAVAILABLE");
    expect(err.message).not.toContain("JWT_SECRET");
  });
});

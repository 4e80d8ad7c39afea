/** Helpers for integration tests: requests through the real Worker entry (SELF). */
import { SELF } from "cloudflare:test";

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  body?: unknown;
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** Builds the Request the helpers send (exported for tests that call the app directly). */
export function apiRequest(method: string, path: string, opts: RequestOptions = {}): Request {
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set("Authorization", `Bearer ${opts.token}`);
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  }
  return new Request(`http://typogram.test${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
}

/** Sends a request to the Worker and parses its JSON body. */
export async function api<T = any>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const res = await SELF.fetch(apiRequest(method, path, opts));
  return parse<T>(res);
}

export async function parse<T = any>(res: Response): Promise<ApiResponse<T>> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as T) : (undefined as T) };
}

let counter = 0;
/** A username no other test uses. */
export function uniqueName(prefix = "u"): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 1e4)}`.slice(0, 20);
}

export interface TestUser {
  id: number;
  username: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  referralCode: string;
}

/** Signs up a fresh user and returns its credentials and tokens. */
export async function signupUser(overrides: { referralCode?: string } = {}): Promise<TestUser> {
  const username = uniqueName();
  const email = `${username}@example.com`;
  const password = "correct horse battery";
  const res = await api("POST", "/api/auth/signup", { body: { username, email, password, ...overrides } });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const d = res.body.data;
  return { id: d.user.id, username, email, password, accessToken: d.accessToken, refreshToken: d.refreshToken, referralCode: d.user.referralCode };
}

/** Asserts the error envelope and returns its error object. */
export function expectError(res: ApiResponse, status: number, code: string) {
  if (res.status !== status || res.body?.success !== false || res.body?.error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  const err = res.body.error;
  if (typeof err.request_id !== "string" || Number.isNaN(Date.parse(err.timestamp))) {
    throw new Error(`error envelope lacks request_id/timestamp: ${JSON.stringify(res.body)}`);
  }
  return err as { code: string; message: string; details?: any; request_id: string; timestamp: string };
}

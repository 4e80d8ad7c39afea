/**
 * HTTP throughput benchmark for the Typogram API.
 *
 * What it measures
 * ----------------
 * How much throughput the write path keeps compared with the cheapest endpoint.
 * Two phases run one after the other against the same server, each with a warmup
 * (results discarded) and then a measurement window:
 *
 *   (a) GET  /api/health               - baseline: routing, middleware, envelope.
 *   (b) POST /api/tests/{id}/submit    - the hot write path: auth, validation,
 *                                        scoring, anti-cheat, persistence.
 *
 * Each phase runs CONCURRENCY async loops that issue requests back-to-back over
 * keep-alive connections (Node's global fetch). Every request's latency is recorded,
 * status codes are counted, and anything that is not 2xx (or a network error) is an
 * error. The report gives requests, errors, req/s and p50/p90/p99/max latency per
 * phase, then `submit req/s / health req/s` as a percentage against a target of
 * >= 50 %, and a final machine-readable line starting with `BENCH_JSON `.
 *
 * Setup signs up one user per concurrent loop (50 learners by default, 5 signups
 * at a time because password hashing is deliberately slow), picks a typing test
 * whose content is 150-400 characters long (else the first test) and builds one
 * realistic submission: ~2 % of characters mistyped, ~70 wpm, one key timing per
 * character with jittered intervals, and keyErrors counting the mistakes.
 *
 * How to run
 * ----------
 *   terminal 1:  npm start              # serves the API on http://127.0.0.1:8787
 *   terminal 2:  npm run bench:http     # i.e. node bench/http-throughput.mjs
 *
 * Environment (all optional):
 *   BASE_URL          server base URL   (default http://127.0.0.1:${PORT ?? 8787})
 *   PORT              port used when BASE_URL is unset (default 8787)
 *   CONCURRENCY       concurrent request loops and bench users (default 50)
 *   DURATION_SECONDS  measurement window per phase (default 10)
 *   WARMUP_SECONDS    warmup per phase, not recorded (default 2)
 *
 * Exit code: 0 when the run completed (also when the target is missed, which prints
 * "TARGET MISSED"); 1 when the server is unreachable, setup fails, or a phase's
 * error rate is above 1 %.
 *
 * Requires Node >= 22; no dependencies.
 */

import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';

const TARGET_RATIO_PERCENT = 50;
const MAX_ERROR_RATE = 0.01;
const SIGNUP_PARALLELISM = 5;
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_ERROR_BODIES_SHOWN = 3;
const TARGET_WPM = 70;
const TYPO_RATE = 0.02;
const CONTENT_MIN_CHARS = 150;
const CONTENT_MAX_CHARS = 400;

/** Thrown for conditions that make the run impossible (exit code 1). */
class FatalError extends Error {}

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

function readNumberEnv(name, fallback, { integer = false, min = 0 } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new FatalError(`${name}=${raw} is invalid (expected ${integer ? 'an integer' : 'a number'} >= ${min})`);
  }
  return value;
}

function readConfig() {
  const baseUrl = (process.env.BASE_URL || `http://127.0.0.1:${process.env.PORT ?? 8787}`).replace(/\/+$/, '');
  return {
    baseUrl,
    concurrency: readNumberEnv('CONCURRENCY', 50, { integer: true, min: 1 }),
    durationSeconds: readNumberEnv('DURATION_SECONDS', 10, { min: 0.1 }),
    warmupSeconds: readNumberEnv('WARMUP_SECONDS', 2, { min: 0 }),
  };
}

function printSettings(config) {
  console.log('Typogram HTTP throughput benchmark');
  console.log(`  node             ${process.version}`);
  console.log(`  BASE_URL         ${config.baseUrl}`);
  console.log(`  CONCURRENCY      ${config.concurrency}`);
  console.log(`  DURATION_SECONDS ${config.durationSeconds}`);
  console.log(`  WARMUP_SECONDS   ${config.warmupSeconds}`);
  console.log('');
}

// ---------------------------------------------------------------------------
// HTTP helpers
// ---------------------------------------------------------------------------

/**
 * Issues one request and always consumes the body (so keep-alive connections are
 * reused). Never throws: network errors come back as `{ status: 0, error }`.
 */
async function request(url, { method = 'GET', headers = {}, body } = {}) {
  const init = { method, headers: { ...headers }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  try {
    const res = await fetch(url, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text };
  } catch (err) {
    return { status: 0, text: '', error: describeNetworkError(err) };
  }
}

function describeNetworkError(err) {
  const cause = err?.cause;
  const detail = cause?.code || cause?.message;
  return detail ? `${err.name}: ${err.message} (${detail})` : `${err?.name}: ${err?.message}`;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Requests a JSON endpoint and returns `data` of a success envelope, else throws FatalError. */
async function apiData(config, path, options, expectedStatus = 200) {
  const res = await request(config.baseUrl + path, options);
  if (res.status === 0) throw new FatalError(`${options?.method ?? 'GET'} ${path}: ${res.error}`);
  const json = parseJson(res.text);
  if (res.status !== expectedStatus || json?.success !== true) {
    throw new FatalError(`${options?.method ?? 'GET'} ${path}: HTTP ${res.status} ${truncate(res.text)}`);
  }
  return json.data;
}

function truncate(text, max = 300) {
  const oneLine = String(text).replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}...` : oneLine;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `task(item, index)` over `items` with at most `limit` in flight; preserves order. */
async function mapLimit(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------

async function checkReachable(config) {
  const res = await request(`${config.baseUrl}/api/health`);
  if (res.status === 0) {
    throw new FatalError(`server unreachable at ${config.baseUrl}: ${res.error}`);
  }
  const status = parseJson(res.text)?.data?.status ?? 'unknown';
  console.log(`Server reachable: GET /api/health -> ${res.status} (status: ${status})`);
  if (res.status !== 200) console.log(`  warning: health is not 200: ${truncate(res.text)}`);
}

/** Signs up one user; retries on 429 honouring Retry-After. Returns the access token. */
async function signUpUser(config, runId, index) {
  const username = `bench_${runId}_${index}`;
  const body = {
    username,
    email: `${username}@bench.example`,
    password: randomBytes(12).toString('base64url'),
  };
  for (let attempt = 1; ; attempt++) {
    const res = await request(`${config.baseUrl}/api/auth/signup`, { method: 'POST', body });
    if (res.status === 429 && attempt < 10) {
      const retryAfter = Number(res.headers.get('retry-after'));
      await sleep(Math.min(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000, 30_000));
      continue;
    }
    const token = parseJson(res.text)?.data?.accessToken;
    if (res.status !== 201 || typeof token !== 'string') {
      const reason = res.status === 0 ? res.error : `HTTP ${res.status} ${truncate(res.text)}`;
      throw new FatalError(`signup of ${username} failed: ${reason}`);
    }
    return token;
  }
}

async function signUpUsers(config) {
  const runId = randomBytes(4).toString('hex').slice(0, 6);
  const started = performance.now();
  const indexes = Array.from({ length: config.concurrency }, (_, i) => i);
  const tokens = await mapLimit(indexes, SIGNUP_PARALLELISM, (i) => signUpUser(config, runId, i));
  const seconds = (performance.now() - started) / 1000;
  console.log(`Signed up ${tokens.length} users (bench_${runId}_*) in ${seconds.toFixed(1)} s`);
  return tokens;
}

/** Picks a test whose content is 150-400 characters long, else the first test. */
async function pickTest(config) {
  const list = await apiData(config, '/api/tests?limit=100');
  if (!Array.isArray(list) || list.length === 0) throw new FatalError('GET /api/tests returned no tests');

  // Tests whose word count suggests 150-400 characters are fetched first.
  const likely = (t) => typeof t.wordCount === 'number' && t.wordCount >= 20 && t.wordCount <= 90;
  const ordered = [...list.filter(likely), ...list.filter((t) => !likely(t))];

  let first;
  for (const summary of ordered) {
    const test = await apiData(config, `/api/tests/${summary.id}`);
    if (typeof test?.content !== 'string' || test.content.length === 0) continue;
    if (summary.id === list[0].id) first = test;
    if (test.content.length >= CONTENT_MIN_CHARS && test.content.length <= CONTENT_MAX_CHARS) return test;
  }
  first ??= await apiData(config, `/api/tests/${list[0].id}`);
  if (typeof first?.content !== 'string' || first.content.length === 0) {
    throw new FatalError('no test with non-empty content found');
  }
  return first;
}

/** Returns a character different from `ch`, preferably a neighbouring letter. */
function typoFor(ch) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const i = letters.indexOf(ch.toLowerCase());
  if (i === -1) return ch === 'e' ? 'r' : 'e';
  const replacement = letters[(i + 1) % letters.length];
  return ch === ch.toUpperCase() ? replacement.toUpperCase() : replacement;
}

/**
 * Builds a plausible submission for `content`: ~2 % substituted characters (never
 * whitespace), ~70 wpm, one key timing per character with jittered intervals.
 */
function buildSubmission(content) {
  const chars = [...content];
  const keyErrors = {};
  const typed = chars.map((ch) => {
    if (/\s/.test(ch) || Math.random() >= TYPO_RATE) return ch;
    keyErrors[ch] = (keyErrors[ch] ?? 0) + 1;
    return typoFor(ch);
  });

  const timeTaken = Math.round(((typed.length / 5 / TARGET_WPM) * 60) * 100) / 100;
  const intervals = typed.map(() => 0.65 + Math.random() * 0.7); // jitter around 1
  const scale = (timeTaken * 1000) / intervals.reduce((sum, x) => sum + x, 0); // ~171 ms each
  let t = 0;
  const keyTimings = typed.map((key, i) => {
    t += intervals[i] * scale;
    return { key, t: Math.round(t) };
  });

  const typos = Object.values(keyErrors).reduce((sum, n) => sum + n, 0);
  return { body: { typedText: typed.join(''), timeTaken, keystrokeData: { keyTimings, keyErrors } }, typos };
}

// ---------------------------------------------------------------------------
// Load phases
// ---------------------------------------------------------------------------

function newStats() {
  return { latencies: [], statusCounts: {}, errors: 0, errorSamples: [] };
}

function record(stats, res, latencyMs) {
  stats.latencies.push(latencyMs);
  const key = res.status === 0 ? 'network' : String(res.status);
  stats.statusCounts[key] = (stats.statusCounts[key] ?? 0) + 1;
  if (res.status >= 200 && res.status < 300) return;
  stats.errors++;
  if (stats.errorSamples.length < MAX_ERROR_BODIES_SHOWN) {
    stats.errorSamples.push(res.status === 0 ? `network error: ${res.error}` : `HTTP ${res.status}: ${truncate(res.text)}`);
  }
}

/**
 * Runs `concurrency` loops issuing `makeRequest(loopIndex)` back-to-back for
 * `seconds`. Requests already in flight at the deadline are awaited and counted.
 */
async function runLoad(concurrency, seconds, makeRequest) {
  const stats = newStats();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async (index) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const res = await makeRequest(index);
      record(stats, res, performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => loop(i)));
  stats.elapsedSeconds = (performance.now() - started) / 1000;
  return stats;
}

async function runPhase(config, name, makeRequest) {
  process.stdout.write(`Phase ${name}: warmup ${config.warmupSeconds}s, measure ${config.durationSeconds}s ... `);
  if (config.warmupSeconds > 0) await runLoad(config.concurrency, config.warmupSeconds, makeRequest);
  const stats = await runLoad(config.concurrency, config.durationSeconds, makeRequest);
  console.log('done');
  return summarize(name, stats);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

const round2 = (x) => Math.round(x * 100) / 100;

function summarize(name, stats) {
  const sorted = Float64Array.from(stats.latencies).sort();
  const requests = sorted.length;
  return {
    name,
    requests,
    errors: stats.errors,
    errorRate: requests === 0 ? 1 : stats.errors / requests,
    rps: round2(requests / stats.elapsedSeconds),
    p50: round2(percentile(sorted, 50)),
    p90: round2(percentile(sorted, 90)),
    p99: round2(percentile(sorted, 99)),
    max: round2(requests === 0 ? 0 : sorted[requests - 1]),
    statusCounts: stats.statusCounts,
    errorSamples: stats.errorSamples,
  };
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

function printResults(results) {
  const pad = (v, n) => String(v).padStart(n);
  console.log('');
  console.log(`${'phase'.padEnd(8)}${pad('requests', 10)}${pad('errors', 8)}${pad('req/s', 10)}` +
    `${pad('p50 ms', 9)}${pad('p90 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}`);
  for (const r of results) {
    console.log(`${r.name.padEnd(8)}${pad(r.requests, 10)}${pad(r.errors, 8)}${pad(r.rps.toFixed(1), 10)}` +
      `${pad(r.p50.toFixed(1), 9)}${pad(r.p90.toFixed(1), 9)}${pad(r.p99.toFixed(1), 9)}${pad(r.max.toFixed(1), 9)}`);
  }
  for (const r of results) {
    const codes = Object.entries(r.statusCounts).map(([code, n]) => `${code}=${n}`).join(' ');
    console.log(`  ${r.name} status codes: ${codes || 'none'}`);
    for (const sample of r.errorSamples) console.log(`  ${r.name} error: ${sample}`);
  }
}

function evaluate(health, submit) {
  const ratioPercent = health.rps > 0 ? round2((submit.rps / health.rps) * 100) : null;
  const targetMet = ratioPercent !== null && ratioPercent >= TARGET_RATIO_PERCENT;
  const errorRateOk = health.errorRate <= MAX_ERROR_RATE && submit.errorRate <= MAX_ERROR_RATE;
  return { ratioPercent, targetMet, errorRateOk };
}

function printVerdict({ ratioPercent, targetMet, errorRateOk }, results) {
  console.log('');
  const ratio = ratioPercent === null ? 'n/a' : `${ratioPercent.toFixed(1)}%`;
  console.log(`submit/health throughput: ${ratio} (target >= ${TARGET_RATIO_PERCENT}%): ${targetMet ? 'TARGET MET' : 'TARGET MISSED'}`);
  for (const r of results) {
    if (r.errorRate > MAX_ERROR_RATE) {
      console.log(`ERROR RATE TOO HIGH: ${r.name} ${(r.errorRate * 100).toFixed(2)}% > ${MAX_ERROR_RATE * 100}%`);
    }
  }
  if (errorRateOk) console.log(`error rate ok (<= ${MAX_ERROR_RATE * 100}% per phase)`);
}

function phaseJson(r) {
  const { name, errorSamples, errorRate, ...rest } = r;
  return { ...rest, errorRatePercent: round2(errorRate * 100) };
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function main() {
  const config = readConfig();
  printSettings(config);

  await checkReachable(config);
  const tokens = await signUpUsers(config);
  const test = await pickTest(config);
  const submission = buildSubmission(test.content);
  const submitBody = JSON.stringify(submission.body);
  console.log(`Test ${test.id} "${test.title ?? ''}": ${test.content.length} chars, ` +
    `${submission.typos} typos, timeTaken ${submission.body.timeTaken}s, payload ${submitBody.length} bytes`);
  console.log('');

  const healthUrl = `${config.baseUrl}/api/health`;
  const submitUrl = `${config.baseUrl}/api/tests/${test.id}/submit`;
  const health = await runPhase(config, 'health', () => request(healthUrl));
  const submit = await runPhase(config, 'submit', (i) => request(submitUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[i]}` },
    body: submitBody,
  }));

  const results = [health, submit];
  printResults(results);
  const verdict = evaluate(health, submit);
  printVerdict(verdict, results);

  console.log(`BENCH_JSON ${JSON.stringify({
    baseUrl: config.baseUrl,
    concurrency: config.concurrency,
    durationSeconds: config.durationSeconds,
    warmupSeconds: config.warmupSeconds,
    testId: test.id,
    contentChars: test.content.length,
    health: phaseJson(health),
    submit: phaseJson(submit),
    ratioPercent: verdict.ratioPercent,
    targetPercent: TARGET_RATIO_PERCENT,
    targetMet: verdict.targetMet,
    errorRateOk: verdict.errorRateOk,
  })}`);
  return verdict.errorRateOk ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('');
    console.error(err instanceof FatalError ? `FATAL: ${err.message}` : err);
    process.exit(1);
  },
);

/** The D1 (SQLite) implementation of the storage interfaces, through drizzle. */
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import * as schema from "./schema";
import {
  UniqueViolation,
  type IdempotencyClaim,
  type Repositories,
  type TestRecord,
  type TestResultRecord,
  type UserRecord,
} from "./repositories";

type Db = DrizzleD1Database<typeof schema>;
const { users, refreshSessions, tests, testResults, idempotencyKeys, deadLetters } = schema;

const memo = new WeakMap<D1Database, Repositories>();

/**
 * Repositories over a D1 database, built once per binding (bindings live as long as the
 * isolate, so the test-catalog cache below is shared by every request of the isolate).
 */
export function d1Repositories(d1: D1Database): Repositories {
  let repos = memo.get(d1);
  if (!repos) {
    repos = build(drizzle(d1, { schema }), d1);
    memo.set(d1, repos);
  }
  return repos;
}

/** Catalog rows change only on deploy/seed; a short per-isolate cache spares a read per submit. */
const TEST_CACHE_MS = 60_000;

function build(db: Db, d1: D1Database): Repositories {
  const testCache = new Map<number, { test: TestRecord | null; until: number }>();

  return {
    users: {
      async create(user, now) {
        try {
          const [row] = await db
            .insert(users)
            .values({ ...user, roles: "ROLE_USER", tokenVersion: 1, createdAt: now, updatedAt: now })
            .returning();
          return toUser(row!);
        } catch (err) {
          throw asUniqueViolation(err);
        }
      },
      async findById(id) {
        const row = await db.query.users.findFirst({ where: eq(users.id, id) });
        return row ? toUser(row) : null;
      },
      async findAuthState(id) {
        const [row] = await db
          .select({ id: users.id, username: users.username, roles: users.roles, tokenVersion: users.tokenVersion })
          .from(users)
          .where(eq(users.id, id));
        return row ? { ...row, roles: splitRoles(row.roles) } : null;
      },
      async findByLogin(login) {
        const lower = login.toLowerCase();
        const row = await db.query.users.findFirst({
          where: or(eq(sql`lower(${users.username})`, lower), eq(sql`lower(${users.email})`, lower)),
        });
        return row ? toUser(row) : null;
      },
      async findByReferralCode(code) {
        const row = await db.query.users.findFirst({ where: eq(users.referralCode, code.toUpperCase()) });
        return row ? toUser(row) : null;
      },
      async takenFields(username, email, exceptUserId) {
        const clauses: SQL[] = [];
        if (username) clauses.push(eq(sql`lower(${users.username})`, username.toLowerCase()));
        if (email) clauses.push(eq(sql`lower(${users.email})`, email.toLowerCase()));
        if (clauses.length === 0) return [];
        const rows = await db.select({ id: users.id, username: users.username, email: users.email }).from(users).where(or(...clauses));
        const taken = new Set<"username" | "email">();
        for (const row of rows) {
          if (row.id === exceptUserId) continue;
          if (username && row.username.toLowerCase() === username.toLowerCase()) taken.add("username");
          if (email && row.email.toLowerCase() === email.toLowerCase()) taken.add("email");
        }
        return [...taken];
      },
      async update(id, patch, now) {
        try {
          const [row] = await db.update(users).set({ ...patch, updatedAt: now }).where(eq(users.id, id)).returning();
          return row ? toUser(row) : null;
        } catch (err) {
          throw asUniqueViolation(err);
        }
      },
      async bumpTokenVersion(id, now) {
        const [row] = await db
          .update(users)
          .set({ tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: now })
          .where(eq(users.id, id))
          .returning({ tokenVersion: users.tokenVersion });
        if (!row) throw new Error(`user ${id} vanished`);
        return row.tokenVersion;
      },
      async stats(id) {
        const [row] = await db
          .select({
            testsCompleted: sql<number>`count(*)`,
            bestWpm: sql<number | null>`max(${testResults.wpm})`,
            averageWpm: sql<number | null>`avg(${testResults.wpm})`,
            averageAccuracy: sql<number | null>`avg(${testResults.accuracy})`,
          })
          .from(testResults)
          .where(and(eq(testResults.userId, id), eq(testResults.flagged, false)));
        return {
          testsCompleted: row?.testsCompleted ?? 0,
          bestWpm: row?.bestWpm ?? null,
          averageWpm: row?.averageWpm ?? null,
          averageAccuracy: row?.averageAccuracy ?? null,
        };
      },
    },

    refreshSessions: {
      async create(session, now) {
        await db.insert(refreshSessions).values({ ...session, createdAt: now });
      },
      async findByTokenHash(tokenHash) {
        const row = await db.query.refreshSessions.findFirst({ where: eq(refreshSessions.tokenHash, tokenHash) });
        return row ?? null;
      },
      async markUsed(id, now) {
        const rows = await db
          .update(refreshSessions)
          .set({ usedAt: now })
          .where(and(eq(refreshSessions.id, id), isNull(refreshSessions.usedAt), isNull(refreshSessions.revokedAt)))
          .returning({ id: refreshSessions.id });
        return rows.length === 1;
      },
      async revokeFamily(familyId, now) {
        await db
          .update(refreshSessions)
          .set({ revokedAt: now })
          .where(and(eq(refreshSessions.familyId, familyId), isNull(refreshSessions.revokedAt)));
      },
      async revokeAllForUser(userId, now) {
        await db
          .update(refreshSessions)
          .set({ revokedAt: now })
          .where(and(eq(refreshSessions.userId, userId), isNull(refreshSessions.revokedAt)));
      },
    },

    tests: {
      async list(filter, afterId, limit) {
        const clauses: SQL[] = [sql`${tests.id} > ${afterId}`];
        if (filter.category) clauses.push(eq(tests.category, filter.category));
        if (filter.difficulty) clauses.push(eq(tests.difficulty, filter.difficulty));
        if (filter.language) clauses.push(eq(tests.language, filter.language));
        return db
          .select({
            id: tests.id,
            title: tests.title,
            category: tests.category,
            difficulty: tests.difficulty,
            language: tests.language,
            durationSeconds: tests.durationSeconds,
            wordCount: tests.wordCount,
          })
          .from(tests)
          .where(and(...clauses))
          .orderBy(asc(tests.id))
          .limit(limit);
      },
      async findById(id) {
        const hit = testCache.get(id);
        if (hit && hit.until > Date.now()) return hit.test;
        const row = await db.query.tests.findFirst({ where: eq(tests.id, id) });
        const test = row ? toTest(row) : null;
        testCache.set(id, { test, until: Date.now() + TEST_CACHE_MS });
        return test;
      },
    },

    testResults: {
      async insert(result, now) {
        const [row] = await db
          .insert(testResults)
          .values({
            ...result,
            resultDetails: JSON.stringify(result.resultDetails),
            testDetails: JSON.stringify(result.testDetails),
            reattemptCount: sql`(SELECT count(*) FROM test_results WHERE test_id = ${result.testId} AND user_id = ${result.userId})`,
            queuedAt: now,
            createdAt: now,
            updatedAt: now,
          })
          .returning(resultSummaryColumns);
        return row!;
      },
      async listForUser(userId, filter, before, limit) {
        const clauses: SQL[] = [eq(testResults.userId, userId)];
        if (filter.testId !== undefined) clauses.push(eq(testResults.testId, filter.testId));
        if (before) {
          const at = new Date(before.createdAt);
          clauses.push(or(lt(testResults.createdAt, at), and(eq(testResults.createdAt, at), lt(testResults.id, before.id)))!);
        }
        return db
          .select(resultSummaryColumns)
          .from(testResults)
          .where(and(...clauses))
          .orderBy(desc(testResults.createdAt), desc(testResults.id))
          .limit(limit);
      },
      async findForUser(userId, id) {
        const [row] = await db
          .select({ ...resultSummaryColumns, resultDetails: testResults.resultDetails, testDetails: testResults.testDetails })
          .from(testResults)
          .where(and(eq(testResults.id, id), eq(testResults.userId, userId)));
        if (!row) return null;
        return { ...row, resultDetails: JSON.parse(row.resultDetails), testDetails: JSON.parse(row.testDetails) };
      },
      async markQueued(ids, now) {
        if (ids.length === 0) return;
        await db.update(testResults).set({ queuedAt: now }).where(inArray(testResults.id, ids));
      },
      async markOwed(id) {
        await db.update(testResults).set({ queuedAt: null }).where(eq(testResults.id, id));
      },
      async listUnqueued(limit) {
        return db
          .select({ ...resultSummaryColumns, category: tests.category })
          .from(testResults)
          .innerJoin(tests, eq(tests.id, testResults.testId))
          .where(isNull(testResults.queuedAt))
          .orderBy(asc(testResults.createdAt))
          .limit(limit);
      },
    },

    idempotency: {
      async claim(scope, key, requestHash, now, expiresAt): Promise<IdempotencyClaim> {
        // One statement claims a free key or takes over an expired one; a live claim returns nothing.
        const claimed = await db
          .insert(idempotencyKeys)
          .values({ scope, key, requestHash, createdAt: now, expiresAt })
          .onConflictDoUpdate({
            target: [idempotencyKeys.scope, idempotencyKeys.key],
            set: { requestHash, responseStatus: null, responseBody: null, createdAt: now, expiresAt },
            setWhere: lt(idempotencyKeys.expiresAt, now),
          })
          .returning({ id: idempotencyKeys.id });
        if (claimed.length === 1) return { kind: "claimed" };
        const existing = await db.query.idempotencyKeys.findFirst({
          where: and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)),
        });
        if (!existing) return { kind: "in-progress" }; // released between our two statements
        if (existing.requestHash !== requestHash) return { kind: "mismatch" };
        if (existing.responseStatus === null || existing.responseBody === null) return { kind: "in-progress" };
        return { kind: "replay", response: { status: existing.responseStatus, body: existing.responseBody } };
      },
      async complete(scope, key, response) {
        await db
          .update(idempotencyKeys)
          .set({ responseStatus: response.status, responseBody: response.body })
          .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      },
      async release(scope, key) {
        await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      },
      async purgeExpired(now) {
        const rows = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)).returning({ id: idempotencyKeys.id });
        return rows.length;
      },
    },

    deadLetters: {
      async record(queue, messageId, body, attempts, now) {
        await db
          .insert(deadLetters)
          .values({ queue, messageId, body: JSON.stringify(body ?? null), attempts, receivedAt: now })
          .onConflictDoNothing();
      },
    },

    health: {
      async ping() {
        await d1.prepare("SELECT 1").first();
      },
    },
  };
}

const resultSummaryColumns = {
  id: testResults.id,
  userId: testResults.userId,
  testId: testResults.testId,
  type: testResults.type,
  wpm: testResults.wpm,
  rawWpm: testResults.rawWpm,
  accuracy: testResults.accuracy,
  errors: testResults.errors,
  correctChars: testResults.correctChars,
  consistency: testResults.consistency,
  timeTaken: testResults.timeTaken,
  flagged: testResults.flagged,
  reattemptCount: testResults.reattemptCount,
  createdAt: testResults.createdAt,
} satisfies Record<keyof TestResultRecord, unknown>;

function toUser(row: typeof users.$inferSelect): UserRecord {
  return { ...row, roles: splitRoles(row.roles) };
}

function splitRoles(roles: string): string[] {
  return roles.split(",").filter(Boolean);
}

function toTest(row: typeof tests.$inferSelect): TestRecord {
  const { createdAt: _c, updatedAt: _u, ...test } = row;
  return test;
}

const UNIQUE_FIELDS: Array<[RegExp, UniqueViolation["field"]]> = [
  [/idx_users_username|users\.username/, "username"],
  [/idx_users_email|users\.email/, "email"],
  [/idx_users_referral_code|users\.referral_code/, "referralCode"],
];

/** Maps SQLite's unique-constraint failures (wrapped by drizzle in `cause`) to UniqueViolation. */
function asUniqueViolation(err: unknown): unknown {
  const text = errorText(err);
  if (!/UNIQUE constraint failed/i.test(text)) return err;
  const field = UNIQUE_FIELDS.find(([re]) => re.test(text))?.[1] ?? "other";
  return new UniqueViolation(field);
}

function errorText(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(" | ");
}

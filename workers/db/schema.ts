/**
 * The relational schema of the whole seed design, for D1 (SQLite). drizzle-kit generates the
 * SQL migrations in `migrations/` from this file; a MySQL twin arrives with the Hyperdrive
 * backend. Timestamps are epoch milliseconds (UTC): compact, index-friendly and unambiguous.
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";

const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
};

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username", { length: 20 }).notNull(),
    email: text("email", { length: 50 }).notNull(),
    passwordHash: text("password_hash", { length: 160 }).notNull(),
    referralCode: text("referral_code", { length: 20 }).notNull(),
    referredByUserId: integer("referred_by_user_id").references((): AnySQLiteColumn => users.id),
    /** Comma-separated role names, e.g. `ROLE_USER,ROLE_ADMIN`. */
    roles: text("roles").notNull().default("ROLE_USER"),
    /** Bumped by signin, logout and password changes; tokens carrying an older value are dead. */
    tokenVersion: integer("token_version").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    // Usernames and e-mails are unique case-insensitively (the spec), so the indexes are on lower().
    uniqueIndex("idx_users_username").on(sql`lower(${t.username})`),
    uniqueIndex("idx_users_email").on(sql`lower(${t.email})`),
    uniqueIndex("idx_users_referral_code").on(t.referralCode),
  ],
);

export const tests = sqliteTable(
  "tests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Stable identity of catalog entries: the seed upserts by slug. */
    slug: text("slug", { length: 80 }).notNull(),
    title: text("title", { length: 120 }).notNull(),
    category: text("category", { length: 40 }).notNull(),
    difficulty: text("difficulty", { length: 10 }).notNull(),
    language: text("language", { length: 10 }).notNull(),
    durationSeconds: integer("duration_seconds").notNull(),
    wordCount: integer("word_count").notNull(),
    content: text("content").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("idx_tests_slug").on(t.slug),
    index("idx_tests_category").on(t.category, t.difficulty, t.language),
  ],
);

export const testResults = sqliteTable(
  "test_results",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    testId: integer("test_id")
      .notNull()
      .references(() => tests.id),
    /** `practice`, `course` or `tournament`. */
    type: text("type", { length: 50 }).notNull().default("practice"),
    wpm: real("wpm").notNull(),
    rawWpm: real("raw_wpm").notNull(),
    accuracy: real("accuracy").notNull(),
    errors: integer("errors").notNull(),
    correctChars: integer("correct_chars").notNull(),
    consistency: real("consistency"),
    timeTaken: real("time_taken").notNull(),
    flagged: integer("flagged", { mode: "boolean" }).notNull().default(false),
    /** JSON: the typed text, keystroke data and plausibility reasons. */
    resultDetails: text("result_details").notNull(),
    /** JSON: a snapshot of the test as it was when typed. */
    testDetails: text("test_details").notNull(),
    /** How many earlier attempts of this test the user had made. */
    reattemptCount: integer("reattempt_count").notNull().default(0),
    /** When the `test-results` message was handed to the queue; null = hand-off failed, still owed. */
    queuedAt: integer("queued_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    index("idx_test_results_user_created").on(t.userId, t.createdAt),
    index("idx_test_results_test_user").on(t.testId, t.userId),
    index("idx_test_results_unqueued").on(t.createdAt).where(sql`${t.queuedAt} IS NULL`),
  ],
);

export const typingCourses = sqliteTable(
  "typing_courses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug", { length: 80 }).notNull(),
    title: text("title", { length: 120 }).notNull(),
    description: text("description").notNull(),
    level: text("level", { length: 20 }).notNull(),
    priceCents: integer("price_cents").notNull().default(0),
    currency: text("currency", { length: 3 }).notNull().default("USD"),
    durationDays: integer("duration_days").notNull(),
    published: integer("published", { mode: "boolean" }).notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex("idx_typing_courses_slug").on(t.slug)],
);

export const courseLessons = sqliteTable(
  "course_lessons",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    courseId: integer("course_id")
      .notNull()
      .references(() => typingCourses.id),
    position: integer("position").notNull(),
    title: text("title", { length: 120 }).notNull(),
    testId: integer("test_id")
      .notNull()
      .references(() => tests.id),
    ...timestamps,
  },
  (t) => [uniqueIndex("uk_course_lesson_position").on(t.courseId, t.position)],
);

export const userTypingCourses = sqliteTable(
  "user_typing_courses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    typingCourseId: integer("typing_course_id")
      .notNull()
      .references(() => typingCourses.id),
    enrolledAt: integer("enrolled_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("uk_user_typing_course").on(t.userId, t.typingCourseId),
    index("idx_user_courses_user").on(t.userId, t.enrolledAt),
    index("idx_user_courses_expires").on(t.expiresAt),
  ],
);

export const coupons = sqliteTable(
  "coupons",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Stored upper-case; codes are matched case-insensitively. */
    code: text("code", { length: 40 }).notNull(),
    /** `percent` or `fixed`. */
    discountType: text("discount_type", { length: 10 }).notNull(),
    /** Percent (1–100) or cents, depending on discountType. */
    discountValue: integer("discount_value").notNull(),
    validFrom: integer("valid_from", { mode: "timestamp_ms" }),
    validUntil: integer("valid_until", { mode: "timestamp_ms" }),
    maxUses: integer("max_uses"),
    perUserLimit: integer("per_user_limit").notNull().default(1),
    usedCount: integer("used_count").notNull().default(0),
    courseId: integer("course_id").references(() => typingCourses.id),
    minPriceCents: integer("min_price_cents").notNull().default(0),
    /** Set for one-time coupons issued to one user (referral rewards). */
    ownerUserId: integer("owner_user_id").references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex("idx_coupons_code").on(t.code)],
);

export const payments = sqliteTable(
  "payments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    courseId: integer("course_id")
      .notNull()
      .references(() => typingCourses.id),
    orderId: text("order_id", { length: 64 }).notNull(),
    provider: text("provider", { length: 30 }).notNull(),
    providerPaymentId: text("provider_payment_id", { length: 100 }),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency", { length: 3 }).notNull(),
    couponId: integer("coupon_id").references(() => coupons.id),
    /** `pending`, `captured` or `failed`. */
    status: text("status", { length: 20 }).notNull().default("pending"),
    capturedAt: integer("captured_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("idx_payments_order").on(t.orderId),
    uniqueIndex("idx_payments_provider_payment").on(t.providerPaymentId),
    index("idx_payments_user").on(t.userId, t.createdAt),
  ],
);

export const couponRedemptions = sqliteTable(
  "coupon_redemptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    couponId: integer("coupon_id")
      .notNull()
      .references(() => coupons.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    paymentId: integer("payment_id").references(() => payments.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("idx_coupon_redemptions_coupon_user").on(t.couponId, t.userId),
    uniqueIndex("idx_coupon_redemptions_payment").on(t.paymentId),
  ],
);

export const refreshSessions = sqliteTable(
  "refresh_sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** Every rotation of one signin shares a family; reuse of a spent token revokes the family. */
    familyId: text("family_id", { length: 36 }).notNull(),
    /** SHA-256 of the opaque token: a database leak yields no usable tokens. */
    tokenHash: text("token_hash", { length: 64 }).notNull(),
    /** The user's tokenVersion when issued; a later signin or logout makes it stale. */
    tokenVersion: integer("token_version").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("idx_refresh_sessions_token").on(t.tokenHash),
    index("idx_refresh_sessions_family").on(t.familyId),
    index("idx_refresh_sessions_user").on(t.userId),
  ],
);

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Whose key it is (`user:<id>` or `anon`): keys of different callers never collide. */
    scope: text("scope", { length: 40 }).notNull(),
    key: text("key", { length: 128 }).notNull(),
    /** SHA-256 of method, path and body: the same key with another request is a conflict. */
    requestHash: text("request_hash", { length: 64 }).notNull(),
    /** Null while the first request is still being handled. */
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("uk_idempotency_scope_key").on(t.scope, t.key),
    index("idx_idempotency_expires").on(t.expiresAt),
  ],
);

export const emailHistory = sqliteTable(
  "email_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").references(() => users.id),
    /** The queue message id: a redelivered message records one attempt row, not two. */
    messageId: text("message_id", { length: 100 }).notNull(),
    emailType: text("email_type", { length: 40 }).notNull(),
    recipient: text("recipient", { length: 100 }).notNull(),
    subject: text("subject", { length: 200 }).notNull(),
    /** `sent` or `failed`. */
    status: text("status", { length: 20 }).notNull(),
    providerMessageId: text("provider_message_id", { length: 200 }),
    error: text("error"),
    attempts: integer("attempts").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("idx_email_history_message").on(t.messageId),
    index("idx_email_history_user").on(t.userId, t.createdAt),
  ],
);

export const tournaments = sqliteTable(
  "tournaments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name", { length: 100 }).notNull(),
    testId: integer("test_id")
      .notNull()
      .references(() => tests.id),
    hostUserId: integer("host_user_id")
      .notNull()
      .references(() => users.id),
    /** `scheduled`, `countdown`, `running` or `finished`. */
    status: text("status", { length: 20 }).notNull().default("scheduled"),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }),
    countdownSeconds: integer("countdown_seconds").notNull().default(10),
    durationSeconds: integer("duration_seconds").notNull(),
    maxParticipants: integer("max_participants").notNull(),
    participants: integer("participants").notNull().default(0),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [index("idx_tournaments_status").on(t.status, t.startsAt)],
);

export const tournamentResults = sqliteTable(
  "tournament_results",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tournamentId: integer("tournament_id")
      .notNull()
      .references(() => tournaments.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    rank: integer("rank").notNull(),
    wpm: real("wpm").notNull(),
    accuracy: real("accuracy").notNull(),
    progress: real("progress").notNull(),
    correctChars: integer("correct_chars").notNull(),
    errors: integer("errors").notNull(),
    flagged: integer("flagged", { mode: "boolean" }).notNull().default(false),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    testResultId: integer("test_result_id").references(() => testResults.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("uk_tournament_result_user").on(t.tournamentId, t.userId)],
);

/** Messages that exhausted their retries, kept so an operator can inspect and replay them. */
export const deadLetters = sqliteTable(
  "dead_letters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    queue: text("queue", { length: 60 }).notNull(),
    messageId: text("message_id", { length: 100 }).notNull(),
    body: text("body").notNull(),
    attempts: integer("attempts").notNull(),
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
    replayedAt: integer("replayed_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("idx_dead_letters_message").on(t.queue, t.messageId)],
);

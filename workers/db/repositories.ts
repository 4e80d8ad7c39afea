/**
 * Storage interfaces. Routes and services speak only these; D1 implements them today and a
 * MySQL-behind-Hyperdrive backend can implement them without touching a route.
 */

export interface UserRecord {
  id: number;
  username: string;
  email: string;
  passwordHash: string;
  referralCode: string;
  referredByUserId: number | null;
  roles: string[];
  tokenVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUser {
  username: string;
  email: string;
  passwordHash: string;
  referralCode: string;
  referredByUserId: number | null;
}

export interface UserPatch {
  username?: string;
  email?: string;
  passwordHash?: string;
}

export interface UserStats {
  testsCompleted: number;
  bestWpm: number | null;
  averageWpm: number | null;
  averageAccuracy: number | null;
}

/** A write broke a uniqueness rule; `field` names which. */
export class UniqueViolation extends Error {
  constructor(readonly field: "username" | "email" | "referralCode" | "other") {
    super(`unique constraint on ${field}`);
    this.name = "UniqueViolation";
  }
}

/** What authenticating a request needs to know about its user. */
export interface UserAuthState {
  id: number;
  username: string;
  roles: string[];
  tokenVersion: number;
}

export interface UserRepository {
  /** Inserts a user with token version 1; throws UniqueViolation. */
  create(user: NewUser, now: Date): Promise<UserRecord>;
  findById(id: number): Promise<UserRecord | null>;
  /** The few columns every authenticated request checks (no password hash, no e-mail). */
  findAuthState(id: number): Promise<UserAuthState | null>;
  /** Case-insensitive match on username or e-mail. */
  findByLogin(login: string): Promise<UserRecord | null>;
  findByReferralCode(code: string): Promise<UserRecord | null>;
  /** Which of the given username / e-mail are taken by someone other than `exceptUserId`. */
  takenFields(username: string | undefined, email: string | undefined, exceptUserId?: number): Promise<Array<"username" | "email">>;
  /** Applies a patch; throws UniqueViolation. */
  update(id: number, patch: UserPatch, now: Date): Promise<UserRecord | null>;
  /** Increments and returns the user's token version, invalidating every token issued before. */
  bumpTokenVersion(id: number, now: Date): Promise<number>;
  stats(id: number): Promise<UserStats>;
}

export interface RefreshSessionRecord {
  id: number;
  userId: number;
  familyId: string;
  tokenVersion: number;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export interface RefreshSessionRepository {
  create(session: { userId: number; familyId: string; tokenHash: string; tokenVersion: number; expiresAt: Date }, now: Date): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<RefreshSessionRecord | null>;
  /** Marks a session spent; false when it was already spent or revoked (a concurrent reuse). */
  markUsed(id: number, now: Date): Promise<boolean>;
  revokeFamily(familyId: string, now: Date): Promise<void>;
  revokeAllForUser(userId: number, now: Date): Promise<void>;
}

export interface TestRecord {
  id: number;
  slug: string;
  title: string;
  category: string;
  difficulty: string;
  language: string;
  durationSeconds: number;
  wordCount: number;
  content: string;
}

export type TestSummary = Omit<TestRecord, "content" | "slug">;

export interface TestFilter {
  category?: string;
  difficulty?: string;
  language?: string;
}

export interface TestRepository {
  /** Tests in id order after `afterId`, at most `limit`. */
  list(filter: TestFilter, afterId: number, limit: number): Promise<TestSummary[]>;
  findById(id: number): Promise<TestRecord | null>;
}

export interface NewTestResult {
  userId: number;
  testId: number;
  type: string;
  wpm: number;
  rawWpm: number;
  accuracy: number;
  errors: number;
  correctChars: number;
  consistency: number | null;
  timeTaken: number;
  flagged: boolean;
  resultDetails: unknown;
  testDetails: unknown;
}

export interface TestResultRecord extends Omit<NewTestResult, "resultDetails" | "testDetails"> {
  id: number;
  reattemptCount: number;
  createdAt: Date;
}

export interface TestResultDetailRecord extends TestResultRecord {
  resultDetails: unknown;
  testDetails: unknown;
}

/** Keyset position in a newest-first listing. */
export interface ResultPosition {
  createdAt: number;
  id: number;
}

export interface TestResultRepository {
  /**
   * Stores a result (reattemptCount counted in the same statement) marked as handed to the
   * queue at `now`, and returns it.
   */
  insert(result: NewTestResult, now: Date): Promise<TestResultRecord>;
  /** The user's results newest first, strictly after `before` when given. */
  listForUser(userId: number, filter: { testId?: number }, before: ResultPosition | null, limit: number): Promise<TestResultRecord[]>;
  findForUser(userId: number, id: number): Promise<TestResultDetailRecord | null>;
  markQueued(ids: number[], now: Date): Promise<void>;
  /** Clears the queue mark of a result whose hand-off failed, so the sweep re-sends it. */
  markOwed(id: number): Promise<void>;
  /** Results whose queue hand-off is still owed, oldest first. */
  listUnqueued(limit: number): Promise<Array<TestResultRecord & { category: string }>>;
}

export interface StoredResponse {
  status: number;
  body: string;
}

export type IdempotencyClaim =
  | { kind: "claimed" }
  | { kind: "replay"; response: StoredResponse }
  | { kind: "mismatch" }
  | { kind: "in-progress" };

export interface IdempotencyRepository {
  /**
   * Claims `(scope, key)` for a request with `requestHash`, or reports what an earlier, unexpired
   * claim means for it. An expired claim is taken over.
   */
  claim(scope: string, key: string, requestHash: string, now: Date, expiresAt: Date): Promise<IdempotencyClaim>;
  complete(scope: string, key: string, response: StoredResponse): Promise<void>;
  /** Forgets a claim whose request failed on our side, so the client can retry. */
  release(scope: string, key: string): Promise<void>;
  purgeExpired(now: Date): Promise<number>;
}

export interface DeadLetterRepository {
  /** Records a dead message once, however often it is delivered. */
  record(queue: string, messageId: string, body: unknown, attempts: number, now: Date): Promise<void>;
}

export interface HealthProbe {
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
}

/** Every repository the Worker uses, over one database. */
export interface Repositories {
  users: UserRepository;
  refreshSessions: RefreshSessionRepository;
  tests: TestRepository;
  testResults: TestResultRepository;
  idempotency: IdempotencyRepository;
  deadLetters: DeadLetterRepository;
  health: HealthProbe;
}

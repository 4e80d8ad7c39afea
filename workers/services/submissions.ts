/** Scoring a submitted attempt, storing it and handing it to the queue. */
import { ApiError } from "../errors";
import type { Env } from "../env";
import type { Repositories, TestRecord } from "../db/repositories";
import { checkPlausibility, type FlagReason } from "../domain/plausibility";
import { scoreAttempt, toCharacters, type KeystrokeData } from "../domain/scoring";
import { sha256Hex } from "../domain/crypto";
import { publishTestResult } from "./result-publisher";

export interface Submission {
  typedText: string;
  timeTaken: number;
  keystrokeData?: KeystrokeData | undefined;
}

export interface SubmissionOutcome {
  testResultId: number;
  wpm: number;
  rawWpm: number;
  accuracy: number;
  errors: number;
  correctChars: number;
  consistency: number | null;
  flagged: boolean;
  flagReasons: FlagReason[];
  reattemptCount: number;
}

/** What a result remembers of its test, so later edits of the catalog do not rewrite history. */
interface TestSnapshot {
  title: string;
  category: string;
  difficulty: string;
  language: string;
  durationSeconds: number;
  contentLength: number;
  contentSha256: string;
}

// The repository caches test records, so a snapshot (a hash of the whole text) is computed once
// per cached record instead of on every submit.
const snapshots = new WeakMap<TestRecord, Promise<TestSnapshot>>();

function testSnapshot(test: TestRecord): Promise<TestSnapshot> {
  let snapshot = snapshots.get(test);
  if (!snapshot) {
    snapshot = sha256Hex(test.content).then((contentSha256) => ({
      title: test.title,
      category: test.category,
      difficulty: test.difficulty,
      language: test.language,
      durationSeconds: test.durationSeconds,
      contentLength: toCharacters(test.content).length,
      contentSha256,
    }));
    snapshots.set(test, snapshot);
  }
  return snapshot;
}

/**
 * Scores `submission` against the test's text on the server (the client's numbers are never
 * trusted), stores the result with its details and a snapshot of the test, and enqueues it.
 */
export async function submitAttempt(
  env: Env,
  repos: Repositories,
  userId: number,
  testId: number,
  submission: Submission,
  waitUntil: (p: Promise<unknown>) => void,
): Promise<SubmissionOutcome> {
  const test = await repos.tests.findById(testId);
  if (!test) throw new ApiError("NOT_FOUND", `Test ${testId} not found`);

  const keyTimings = submission.keystrokeData?.keyTimings;
  const score = scoreAttempt(test.content, submission.typedText, submission.timeTaken, keyTimings);
  const verdict = checkPlausibility({
    typedText: submission.typedText,
    timeTakenSeconds: submission.timeTaken,
    wpm: score.wpm,
    ...(keyTimings ? { keyTimings } : {}),
  });

  const { typedChars, ...scored } = score;
  const result = await repos.testResults.insert(
    {
      userId,
      testId,
      type: "practice",
      ...scored,
      timeTaken: submission.timeTaken,
      flagged: verdict.flagged,
      resultDetails: {
        typedText: submission.typedText,
        typedChars,
        keystrokeData: submission.keystrokeData ?? null,
        flagReasons: verdict.reasons,
      },
      testDetails: await testSnapshot(test),
    },
    new Date(),
  );

  await publishTestResult(env, repos, result, test.category, waitUntil);
  return {
    testResultId: result.id,
    ...scored,
    flagged: verdict.flagged,
    flagReasons: verdict.reasons,
    reattemptCount: result.reattemptCount,
  };
}

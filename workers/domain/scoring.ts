/**
 * Scoring of a typing-test attempt.
 *
 * Pure functions only: this module runs inside the Workers runtime and is also
 * the public contract for how a result is computed, so every rule here is
 * deliberately explicit and deterministic.
 */

/** One keystroke as recorded by the client. Times are milliseconds from test start. */
export interface KeyTiming {
  /** `KeyboardEvent.key` value, e.g. "a", "Shift", "Backspace". */
  key: string;
  /** Key-down time in ms since the start of the attempt. */
  t: number;
  /** Key-up time in ms since the start of the attempt, when known. */
  up?: number;
  /** Whether the client considered the keystroke correct, when known. */
  correct?: boolean;
}

/** Keystroke payload submitted with an attempt. */
export interface KeystrokeData {
  keyTimings: KeyTiming[];
  /** Error count per expected character, as tallied by the client. */
  keyErrors: Record<string, number>;
}

/** The computed result of an attempt; every number is rounded with {@link round2}. */
export interface Score {
  wpm: number;
  rawWpm: number;
  accuracy: number;
  errors: number;
  correctChars: number;
  typedChars: number;
  /** 0–100, or null when there is no keystroke data to measure it from. */
  consistency: number | null;
}

/** Characters per "word" in the standard WPM definition. */
const CHARS_PER_WORD = 5;
/** A per-second bucket's character count times 12 is its WPM (60 s / 5 chars). */
const WPM_PER_CHAR_PER_SECOND = 60 / CHARS_PER_WORD;
const BUCKET_MS = 1000;
/** A final bucket with its last keystroke earlier than this is considered partial. */
const PARTIAL_BUCKET_MS = 500;

/** Named keys that still produce a character in the typed text. */
const CHARACTER_NAMED_KEYS: ReadonlySet<string> = new Set(["Space", "Enter", "Tab"]);

/**
 * Rounds to 2 decimals, half away from zero.
 *
 * Binary floats make naive `Math.round(x * 100) / 100` wrong for values such as
 * 1.005 (stored as 1.00499999…, and 1.005 * 100 === 100.49999999999999). We first
 * collapse the float to 15 significant digits — the precision a double reliably
 * carries — and then shift the decimal point in the *string* exponent, so no
 * lossy multiplication happens before rounding.
 *
 * @example round2(1.005) === 1.01; round2(2.675) === 2.68; round2(-1.005) === -1.01
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const clean = Number(Math.abs(x).toPrecision(15));
  const rounded = Math.round(shiftDecimal(clean, 2));
  const result = shiftDecimal(rounded, -2);
  // Avoid returning -0 for tiny negatives: it would leak into JSON as 0 anyway
  // but breaks Object.is-based equality in callers.
  return result === 0 ? 0 : sign * result;
}

/** Multiplies by 10^places via the decimal exponent, which is exact for decimal strings. */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent ?? 0) + places}`);
}

/**
 * Normalises text for comparison and splits it into Unicode code points.
 *
 * - `\r\n` becomes `\n`, so a Windows clipboard or textarea cannot create a
 *   phantom extra character.
 * - NFC normalisation makes composed ("é") and decomposed ("e" + U+0301) input
 *   compare equal, since IMEs and OSes differ in what they emit.
 * - Splitting by code point (not UTF-16 unit) counts an emoji as one character.
 *
 * Applied to both the content and the typed text so the comparison is symmetric.
 */
export function toCharacters(text: string): string[] {
  return Array.from(text.replace(/\r\n/g, "\n").normalize("NFC"));
}

/**
 * Whether a `KeyboardEvent.key` value produces a character in the typed text.
 *
 * True for any single code point (after NFC, so a decomposed accent reported by
 * a key counts as one) and for the named keys "Space", "Enter" and "Tab".
 * False for editing, navigation, modifier and composition keys such as
 * "Backspace", "Shift", "ArrowLeft", "Dead" or "Delete".
 */
export function isCharacterKey(key: string): boolean {
  if (CHARACTER_NAMED_KEYS.has(key)) return true;
  return Array.from(key.normalize("NFC")).length === 1;
}

/**
 * Scores an attempt against the target content.
 *
 * Both texts are normalised with {@link toCharacters} and compared code point by
 * code point at equal positions:
 * - `errors`: positions i < typed length where typed[i] !== content[i]; characters
 *   typed past the end of the content are errors too.
 * - `correctChars` = typed length − errors; `typedChars` = typed length.
 * - `wpm` = correctChars / 5 / (seconds / 60); `rawWpm` = typedChars / 5 / (seconds / 60).
 * - `accuracy` = 100 × correctChars / typedChars.
 * - `consistency`: see {@link consistencyFromTimings}; null without timings.
 *
 * All numbers are rounded with {@link round2}.
 *
 * @throws RangeError when typedText is empty or timeTakenSeconds is not a positive finite number.
 */
export function scoreAttempt(
  content: string,
  typedText: string,
  timeTakenSeconds: number,
  keyTimings?: readonly KeyTiming[],
): Score {
  const typed = toCharacters(typedText);
  if (typed.length === 0) {
    throw new RangeError("typedText must not be empty");
  }
  if (!Number.isFinite(timeTakenSeconds) || timeTakenSeconds <= 0) {
    throw new RangeError("timeTakenSeconds must be a positive finite number");
  }

  const errors = countErrors(toCharacters(content), typed);
  const correctChars = typed.length - errors;
  const minutes = timeTakenSeconds / 60;

  return {
    wpm: round2(correctChars / CHARS_PER_WORD / minutes),
    rawWpm: round2(typed.length / CHARS_PER_WORD / minutes),
    accuracy: round2((100 * correctChars) / typed.length),
    errors,
    correctChars,
    typedChars: typed.length,
    consistency: keyTimings === undefined ? null : consistencyFromTimings(keyTimings),
  };
}

/** Positional mismatches; a missing content character (typed past the end) never matches. */
function countErrors(content: readonly string[], typed: readonly string[]): number {
  let errors = 0;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] !== content[i]) errors++;
  }
  return errors;
}

/**
 * Consistency of typing speed over time, 0–100 (100 = perfectly even).
 *
 * Algorithm (public contract):
 * 1. Keep character keystrokes only ({@link isCharacterKey}). Keystrokes with a
 *    negative or non-finite `t` are ignored (the plausibility check flags them).
 *    If none remain — or there are no timings at all — return null.
 * 2. Bucket them per second by `Math.floor(t / 1000)`, covering every second from
 *    0 to the last keystroke's second (empty seconds count as 0).
 *    Each bucket's speed is count × 12, i.e. the WPM of that second.
 * 3. Drop the final bucket when it is partial — the last keystroke is less than
 *    500 ms into it — and at least 2 buckets remain after dropping it; a
 *    half-used last second would otherwise look like a slowdown.
 * 4. cv = population standard deviation / mean of the bucket speeds. If the mean
 *    is 0 (no typing in the kept seconds) return 0.
 * 5. consistency = round2(100 × (1 − tanh(cv + cv³/3 + cv⁵/5))), clamped to [0, 100].
 *    The polynomial steepens tanh so moderate variation is penalised noticeably.
 */
export function consistencyFromTimings(keyTimings: readonly KeyTiming[]): number | null {
  const times = keyTimings
    .filter((k) => isCharacterKey(k.key) && Number.isFinite(k.t) && k.t >= 0)
    .map((k) => k.t);
  if (times.length === 0) return null;

  const speeds = bucketSpeeds(times);
  const cv = coefficientOfVariation(speeds);
  if (cv === null) return 0;

  const consistency = round2(100 * (1 - Math.tanh(cv + cv ** 3 / 3 + cv ** 5 / 5)));
  return Math.min(100, Math.max(0, consistency));
}

/**
 * Per-second WPM buckets, with the partial final bucket already dropped.
 *
 * Represented sparsely (non-empty buckets plus a total bucket count) so that an
 * absurd timestamp cannot make us allocate a gigantic array.
 */
interface SparseBuckets {
  /** Speed (WPM) of every non-empty bucket that is kept. */
  nonEmpty: number[];
  /** Number of kept buckets, including empty ones. */
  bucketCount: number;
}

function bucketSpeeds(times: readonly number[]): SparseBuckets {
  // reduce, not Math.max(...times): spreading a huge array can overflow the stack.
  const lastT = times.reduce((max, t) => Math.max(max, t), 0);
  const lastBucket = Math.floor(lastT / BUCKET_MS);
  let bucketCount = lastBucket + 1;

  const finalIsPartial = lastT - lastBucket * BUCKET_MS < PARTIAL_BUCKET_MS;
  if (finalIsPartial && bucketCount - 1 >= 2) bucketCount--;

  const counts = new Map<number, number>();
  for (const t of times) {
    const bucket = Math.floor(t / BUCKET_MS);
    if (bucket < bucketCount) counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  const nonEmpty = [...counts.values()].map((c) => c * WPM_PER_CHAR_PER_SECOND);
  return { nonEmpty, bucketCount };
}

/** Population stddev / mean over all buckets (empty ones are 0); null when the mean is 0. */
function coefficientOfVariation({ nonEmpty, bucketCount }: SparseBuckets): number | null {
  const total = nonEmpty.reduce((sum, s) => sum + s, 0);
  const mean = total / bucketCount;
  if (mean === 0) return null;

  const emptyCount = bucketCount - nonEmpty.length;
  const squaredDeviations =
    nonEmpty.reduce((sum, s) => sum + (s - mean) ** 2, 0) + emptyCount * mean ** 2;
  return Math.sqrt(squaredDeviations / bucketCount) / mean;
}

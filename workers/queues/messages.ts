/** Message bodies carried by the Cloudflare Queues, shared by producers and consumers. */

/** Sent to `test-results` once a result row is stored. */
export interface TestResultMessage {
  userId: number;
  testResultId: number;
  testId: number;
  category: string;
  wpm: number;
  accuracy: number;
  flagged: boolean;
  /** ISO-8601, when the result was stored. */
  timestamp: string;
}

/** Any JSON message body; the dead-letter consumers record bodies without interpreting them. */
export type DeadLetterRecordable = unknown;

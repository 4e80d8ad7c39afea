/**
 * Idempotent seeding of the catalog: one upsert per test, keyed by slug, so running it again
 * updates texts in place and never duplicates. Used by `npm start` (rendered to a SQL file for
 * `wrangler d1 execute`) and by the test setup (bound statements on the D1 binding).
 */
import { CATALOG_TESTS, type CatalogTest } from "./tests";

export interface SeedStatement {
  sql: string;
  params: Array<string | number>;
}

const UPSERT_TEST = `INSERT INTO tests (slug, title, category, difficulty, language, duration_seconds, word_count, content, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(slug) DO UPDATE SET title = excluded.title, category = excluded.category, difficulty = excluded.difficulty,
  language = excluded.language, duration_seconds = excluded.duration_seconds, word_count = excluded.word_count,
  content = excluded.content, updated_at = excluded.updated_at
WHERE tests.content IS NOT excluded.content OR tests.title IS NOT excluded.title OR tests.category IS NOT excluded.category
  OR tests.difficulty IS NOT excluded.difficulty OR tests.language IS NOT excluded.language
  OR tests.duration_seconds IS NOT excluded.duration_seconds`;

/** Words as typists count them: runs of non-space characters. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The statements that bring the catalog up to date. */
export function catalogSeedStatements(tests: readonly CatalogTest[] = CATALOG_TESTS, now = Date.now()): SeedStatement[] {
  return tests.map((t) => ({
    sql: UPSERT_TEST,
    params: [t.slug, t.title, t.category, t.difficulty, t.language, t.durationSeconds, wordCount(t.content), t.content, now, now],
  }));
}

/** Renders statements as a SQL script with inlined literals (for `wrangler d1 execute --file`). */
export function renderSqlScript(statements: readonly SeedStatement[]): string {
  return statements
    .map((s) => {
      let i = 0;
      return `${s.sql.replace(/\?/g, () => sqlLiteral(s.params[i++]))};`;
    })
    .join("\n");
}

function sqlLiteral(value: string | number | undefined): string {
  if (value === undefined) throw new Error("seed statement has fewer params than placeholders");
  if (typeof value === "number") return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

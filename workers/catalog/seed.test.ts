import { describe, expect, it } from "vitest";
import { catalogSeedStatements, renderSqlScript, wordCount } from "./seed";
import { CATALOG_TESTS } from "./tests";

describe("catalog seed", () => {
  it("has one upsert per catalog test with a parameter for every ?", () => {
    const statements = catalogSeedStatements(CATALOG_TESTS, 1);
    expect(statements).toHaveLength(CATALOG_TESTS.length);
    for (const s of statements) expect(s.sql.split("?").length - 1).toBe(s.params.length);
  });

  it("renders literals safely, leaving question marks inside texts alone", () => {
    const sql = renderSqlScript(
      catalogSeedStatements([{ slug: "q", title: "It's?", category: "quotes", difficulty: "easy", language: "en", durationSeconds: 30, content: "Why? Don't 'quote' me." }], 5),
    );
    expect(sql).toContain("'It''s?'");
    expect(sql).toContain("'Why? Don''t ''quote'' me.'");
    expect(sql.trim().endsWith(";")).toBe(true);
    expect(sql).not.toMatch(/VALUES \(.*\?\s*,/);
  });

  it("counts words as runs of non-space characters", () => {
    expect(wordCount("one two  three")).toBe(3);
    expect(wordCount("a")).toBe(1);
  });

  it("ships original, single-line, distinct texts", () => {
    expect(new Set(CATALOG_TESTS.map((t) => t.slug)).size).toBe(CATALOG_TESTS.length);
    for (const t of CATALOG_TESTS) {
      expect(t.content).not.toMatch(/[\n\t]|  |^ | $/);
      expect(t.content.toLowerCase()).not.toContain("quick brown fox");
    }
  });
});

/** Cursor pagination: `?limit=` 1–100 (default 20) and an opaque signed `?cursor=`. */
import { z } from "@hono/zod-openapi";
import { decodeCursor, encodeCursor, type CursorSigning } from "./cursor";

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: "Page size, 1-100" }),
  cursor: z.string().min(1).max(512).optional().openapi({ description: "`pagination.next_cursor` of the previous page" }),
});

export interface Page<T> {
  items: T[];
  pagination: { next_cursor: string | null; has_more: boolean };
}

/**
 * Runs a keyset query for one page. `fetch` gets the decoded position (null for the first page)
 * and must return up to `limit + 1` rows; the extra row only tells whether more exist.
 */
export async function paginate<T, P>(
  query: { limit: number; cursor?: string | undefined },
  signing: CursorSigning,
  positionSchema: z.ZodType<P>,
  fetch: (after: P | null, take: number) => Promise<T[]>,
  positionOf: (item: T) => P,
): Promise<Page<T>> {
  const after = query.cursor ? await decodeCursor(query.cursor, signing, positionSchema) : null;
  const rows = await fetch(after, query.limit + 1);
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  const last = items[items.length - 1];
  return {
    items,
    pagination: {
      next_cursor: hasMore && last ? await encodeCursor(positionOf(last), signing) : null,
      has_more: hasMore,
    },
  };
}

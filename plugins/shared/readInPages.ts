import type { CollectionSlug, PayloadRequest, Where } from 'payload'

export type PagedRead = {
  collection: CollectionSlug
  where: Where
  /** Rows per query: what one page of a member's data export holds in memory. @default 200 */
  pageSize?: number
  select?: Record<string, true>
  /**
   * Read through the database adapter: no field hooks or hidden-field filtering, several times
   * faster per row. Only for collections without read hooks or hidden fields (delivery records).
   * @default false
   */
  raw?: boolean
}

/**
 * Every row matching `where`, read a page at a time in id order (keyset: `id > last`), so a data
 * export of 100,000 rows never holds more than one page, and rows added meanwhile are not read twice.
 */
export async function* readInPages(
  req: PayloadRequest,
  { collection, where, pageSize = 200, select, raw = false }: PagedRead,
): AsyncGenerator<Record<string, unknown>> {
  let after: number | string | null = null
  for (;;) {
    const query = {
      collection,
      where: after === null ? where : { and: [where, { id: { greater_than: after } }] },
      sort: 'id',
      limit: pageSize,
      pagination: false,
      req,
      ...(select ? { select } : {}),
    }
    const page = raw
      ? await req.payload.db.find<Record<string, unknown> & { id: number | string }>(query)
      : await req.payload.find({ ...query, depth: 0, overrideAccess: true })
    const docs: Array<Record<string, unknown> & { id: number | string }> = page.docs
    for (const doc of docs) yield doc
    if (docs.length < pageSize) return
    after = docs[docs.length - 1].id
  }
}

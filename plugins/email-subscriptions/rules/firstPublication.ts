/** What an afterChange hook knows about a save of a topic document. */
export type PublicationChange = {
  operation: 'create' | 'update'
  /** Whether the collection has drafts; without drafts a document is published when created. */
  hasDrafts: boolean
  status?: unknown
  previousStatus?: unknown
}

/**
 * Whether this save makes the document published: created published, draft → published, or a
 * scheduled publish firing (Payload saves it as draft → published). Later edits and draft saves are
 * not. "First time ever" is then the mailing's unique key: a document unpublished and published
 * again finds its announcement already there.
 */
export const becomesPublished = ({
  operation,
  hasDrafts,
  status,
  previousStatus,
}: PublicationChange): boolean => {
  if (!hasDrafts) return operation === 'create'
  if (status !== 'published') return false
  return operation === 'create' || previousStatus !== 'published'
}

/** The mailing key of a document's announcement: one per document, ever. */
export const publicationMailingKey = (collection: string, id: number | string) =>
  `publication:${collection}:${String(id)}`

/** The text shown under the title: the collection's excerpt or summary field, cut at a word. */
export const excerptOf = (doc: Record<string, unknown>, maxLength = 300): string => {
  const value = [doc.excerpt, doc.summary, doc.description].find(
    (candidate) => typeof candidate === 'string' && candidate.trim(),
  )
  if (typeof value !== 'string') return ''
  const text = value.trim().replace(/\s+/g, ' ')
  if (text.length <= maxLength) return text
  const cut = text.slice(0, maxLength)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength - 40)).trimEnd()}…`
}

/**
 * The id in a relationship value as a client or the database gives it (an id, or a populated
 * document), as a string; null for none. Payload's `extractID` takes an already typed value; this
 * reads untrusted input.
 */
export const relationshipID = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return 'id' in value ? relationshipID(value.id) : null
  return String(value)
}

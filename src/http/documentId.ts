/**
 * The largest numeric document id every database here can hold: PostgreSQL's `serial` ids are
 * 32-bit. A larger one is asked of the database as an out-of-range value, an error (500), not a
 * missing document.
 */
export const MAX_NUMERIC_ID = 2_147_483_647

/** True when `id` can be a numeric document id: digits without a leading zero, in range. */
export const isNumericDocumentId = (id: string): boolean =>
  /^[1-9]\d{0,9}$/.test(id) && Number(id) <= MAX_NUMERIC_ID

/** True when `id` can be a MongoDB ObjectId. */
export const isObjectIdLike = (id: string): boolean => /^[a-f\d]{24}$/i.test(id)

/** True when `id` can be a document id of a database whose ids are `idType` (Payload's `defaultIDType`). */
export const canBeDocumentId = (idType: 'number' | 'text', id: string): boolean =>
  idType === 'number' ? isNumericDocumentId(id) : isObjectIdLike(id)

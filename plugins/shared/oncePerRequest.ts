import type { PayloadRequest } from 'payload'

/**
 * The value of `load` for `key`, computed at most once per request and shared by every document of
 * that request (the promise is kept, so documents resolved concurrently share one lookup). For
 * afterRead field hooks that look something up per document: a list of ten posts by one author
 * would otherwise ask the database ten times. Only for what cannot differ between the documents of
 * one request (the reader, and so their access, is the same for all of them).
 */
export const oncePerRequest = <T>(
  req: PayloadRequest,
  scope: string,
  key: string,
  load: () => Promise<T>,
): Promise<T> => {
  const memo = (req.context[scope] ??= new Map<string, Promise<T>>()) as Map<string, Promise<T>>
  let value = memo.get(key)
  if (!value) {
    value = load()
    memo.set(key, value)
  }
  return value
}

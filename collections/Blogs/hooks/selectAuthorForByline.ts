import type { CollectionBeforeOperationHook } from 'payload'

/** Read arguments whose `select` was widened with `author` only to compute the byline. */
const widenedForByline = new WeakSet<object>()

export const wasWidenedForByline = (args: object): boolean => widenedForByline.has(args)

/**
 * `authorName` is computed from `author`, so a read selecting the byline without the author
 * (`select[authorName]=true`, the typed client's `select: { authorName: true }`) reads `author`
 * too; `dropAuthorAddedForByline` removes it from the answer again.
 */
export const selectAuthorForByline: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'read' || !('select' in args) || !args.select) return args
  const select: Record<string, unknown> = args.select
  const includeMode = Object.values(select).some((value) => value !== false)
  const needsAuthor = includeMode
    ? select.authorName === true && select.author === undefined
    : select.author === false && select.authorName !== false
  if (!needsAuthor) return args
  const widened = { ...args, select: includeMode ? { ...select, author: true } : { ...select } }
  if (!includeMode) delete widened.select.author
  widenedForByline.add(widened)
  return widened
}

import type { CollectionAfterOperationHook } from 'payload'

import { wasWidenedForByline } from './selectAuthorForByline'

const withoutAuthor = (doc: unknown) => {
  if (doc && typeof doc === 'object' && 'author' in doc) delete doc.author
}

/** Answers a read exactly as selected: drops the `author` that `selectAuthorForByline` added. */
export const dropAuthorAddedForByline: CollectionAfterOperationHook = ({
  args,
  operation,
  result,
}) => {
  if ((operation !== 'find' && operation !== 'findByID') || !wasWidenedForByline(args))
    return result
  if (operation === 'find' && result && typeof result === 'object' && 'docs' in result)
    result.docs.forEach(withoutAuthor)
  else withoutAuthor(result)
  return result
}

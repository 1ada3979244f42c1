import { oncePerRequest } from '@q-community/plugin-shared/oncePerRequest'
import type { FieldHook } from 'payload'
import { extractID } from 'payload/shared'

import { FORMER_MEMBER } from '@/privacy/rights/rules'

import { SLUGS } from '../../slugs'

type AuthorRef = {
  relationTo: typeof SLUGS.members | typeof SLUGS.users
  value: number | string | { id: number | string; name?: string }
}

/**
 * The byline. Staff accounts are not publicly readable, so a frontend could not show who wrote a
 * post from `author` alone; this virtual field carries the author's name and nothing else. A member
 * author's name is given only to readers who may read that member (not the public, when they opted
 * out of the directory). Depth never populates a staff author for the public, so each name is looked
 * up here, once per request: a list of posts by the same few people asks once per author.
 */
export const resolveAuthorName: FieldHook = async ({ siblingData, req }) => {
  const author = siblingData?.author as AuthorRef | null | undefined
  if (!author?.value) return siblingData?.authorErased ? FORMER_MEMBER : null
  if (typeof author.value === 'object' && typeof author.value.name === 'string')
    return author.value.name
  const id = extractID(author.value)
  return oncePerRequest(
    req,
    'resolveAuthorName',
    `${author.relationTo}:${String(id)}`,
    async () => {
      const doc = await req.payload.findByID({
        collection: author.relationTo,
        id,
        depth: 0,
        // Staff bylines are public; a member's follows the reader's access (one who left the directory stays unnamed).
        overrideAccess: author.relationTo === SLUGS.users,
        disableErrors: true,
        req,
        select: { name: true },
      })
      return typeof doc?.name === 'string' ? doc.name : null
    },
  )
}

import type { FieldHook, PayloadRequest } from 'payload'

type AuthorRef = { relationTo: 'members' | 'users'; value: number | string | { id: number | string; name?: string } }

/** Where one request keeps the names it has looked up (a promise each, so concurrent documents share it). */
const AUTHOR_NAMES = 'resolveAuthorName.names'

const lookUpName = (req: PayloadRequest, relationTo: AuthorRef['relationTo'], id: number | string): Promise<string | null> =>
  req.payload
    .findByID({
      collection: relationTo,
      id,
      depth: 0,
      // Staff bylines are public; a member's follows the reader's access (one who left the directory stays unnamed).
      overrideAccess: relationTo === 'users',
      disableErrors: true,
      req,
      select: { name: true },
    })
    .then((doc) => (typeof doc?.name === 'string' ? doc.name : null))

/**
 * The byline. Staff accounts are not publicly readable, so a frontend could not show who wrote a
 * post from `author` alone; this virtual field carries the author's name and nothing else. A member
 * author's name is given only to readers who may read that member (not the public, when they opted
 * out of the directory). A list of posts by the same few staff asks the database once per author,
 * not once per post: names are kept for the rest of the request (one reader, so one access).
 */
export const resolveAuthorName: FieldHook = async ({ siblingData, req }) => {
  const author = siblingData?.author as AuthorRef | null | undefined
  if (!author?.value) return null
  if (typeof author.value === 'object' && typeof author.value.name === 'string') return author.value.name
  const id = typeof author.value === 'object' ? author.value.id : author.value
  const names = (req.context[AUTHOR_NAMES] ??= new Map<string, Promise<string | null>>()) as Map<string, Promise<string | null>>
  const key = `${author.relationTo}:${String(id)}`
  let name = names.get(key)
  if (!name) {
    name = lookUpName(req, author.relationTo, id)
    names.set(key, name)
  }
  return name
}

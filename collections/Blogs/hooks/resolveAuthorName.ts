import type { FieldHook } from 'payload'

type AuthorRef = { relationTo: 'members' | 'users'; value: number | string | { id: number | string; name?: string } }

/**
 * The byline. Staff accounts are not publicly readable, so a frontend could not show who wrote a
 * post from `author` alone; this virtual field carries the author's name and nothing else.
 */
export const resolveAuthorName: FieldHook = async ({ siblingData, req }) => {
  const author = siblingData?.author as AuthorRef | null | undefined
  if (!author?.value) return null
  if (typeof author.value === 'object' && typeof author.value.name === 'string') return author.value.name
  const id = typeof author.value === 'object' ? author.value.id : author.value
  try {
    const doc = await req.payload.findByID({
      collection: author.relationTo,
      id,
      depth: 0,
      overrideAccess: true,
      req,
      select: { name: true },
    })
    return typeof doc?.name === 'string' ? doc.name : null
  } catch {
    return null
  }
}

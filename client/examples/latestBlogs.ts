/**
 * The README's "Typed client" examples, type-checked with the rest of the repository so they
 * cannot drift from the generated types.
 */
import { createCMSClient } from '@q-community/cms-client'
import type { Blog } from '@q-community/cms-client/types'

/** With the typed client: fields, `select` and `where` are checked against the CMS's config. */
export const latestBlogTitles = async (cmsURL: string): Promise<string[]> => {
  const cms = createCMSClient(cmsURL)
  const { docs } = await cms.find({
    collection: 'blogs',
    limit: 5,
    sort: '-publishedAt',
    select: { title: true, slug: true, authorName: true },
  })
  return docs.map((blog) => `${blog.title} by ${blog.authorName ?? 'Q'}`)
}

/** With plain `fetch`: the same types describe the JSON. */
export const latestBlogs = async (cmsURL: string): Promise<Blog[]> => {
  const response = await fetch(`${cmsURL}/api/blogs?limit=5&sort=-publishedAt&depth=0`)
  if (!response.ok) throw new Error(`CMS answered ${response.status}`)
  const { docs } = (await response.json()) as { docs: Blog[] }
  return docs
}

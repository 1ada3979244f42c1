import { type CollectionSlug, type Field, type PayloadRequest, type SelectIncludeType, ValidationError, type Where } from 'payload'
import { extractID } from 'payload/shared'

import { isStaffUser } from '@/access/checkRole'

import { SLUGS } from '../slugs'

const MEDIA = SLUGS.media

/**
 * Which documents of each collection are public, hence make the media they use public. Every
 * collection that can reference media must be listed: `trackMediaUse` refuses one that is not.
 * Members' avatars are public while the member is in the directory.
 */
export const PUBLIC_DOCUMENTS: Record<string, Where | true> = {
  [SLUGS.blogs]: { _status: { equals: 'published' } },
  [SLUGS.interviews]: { _status: { equals: 'published' } },
  [SLUGS.evaluationReports]: { _status: { equals: 'published' } },
  [SLUGS.events]: true,
  [SLUGS.labThemes]: true,
  [SLUGS.members]: { directoryVisible: { equals: true } },
}

/** Where a collection can reference media: upload fields (by path) and rich text (upload nodes). */
export type MediaReferences = { uploads: string[]; richText: string[] }

/** Top-level, group and layout fields only: media in arrays or blocks would need their own query. */
export const findMediaReferences = (fields: Field[], prefix = ''): MediaReferences => {
  const found: MediaReferences = { uploads: [], richText: [] }
  const add = (more: MediaReferences) => {
    found.uploads.push(...more.uploads)
    found.richText.push(...more.richText)
  }
  for (const field of fields) {
    if (field.type === 'upload' && field.relationTo === MEDIA && 'name' in field) {
      if (field.hasMany) throw new Error(`trackMediaUse: ${prefix}${field.name} (hasMany) is not supported`)
      found.uploads.push(`${prefix}${field.name}`)
    } else if (field.type === 'richText') {
      found.richText.push(`${prefix}${field.name}`)
    } else if (field.type === 'group' && 'name' in field && field.name) {
      add(findMediaReferences(field.fields, `${prefix}${field.name}.`))
    } else if (field.type === 'row' || field.type === 'collapsible' || (field.type === 'group' && !('name' in field && field.name))) {
      add(findMediaReferences(field.fields, prefix))
    } else if (field.type === 'tabs') {
      for (const tab of field.tabs) add(findMediaReferences(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix))
    } else if ((field.type === 'array' || field.type === 'blocks') && JSON.stringify(field).includes(`"${MEDIA}"`)) {
      throw new Error(`trackMediaUse: media inside ${prefix}${field.name} (${field.type}) is not supported`)
    }
  }
  return found
}

/** The media id of an upload value (an id, or the document when populated) as a string; null when empty. */
const mediaIdOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  const id: unknown = extractID(value as number | string | { id: number | string })
  return id === null || id === undefined || id === '' ? null : String(id)
}

const valueAt = (doc: Record<string, unknown> | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), doc)

/** Media ids in Lexical upload nodes, anywhere in a rich-text value. */
export const richTextMediaIds = (value: unknown, into = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) {
    for (const item of value) richTextMediaIds(item, into)
  } else if (value && typeof value === 'object') {
    const node = value as { type?: unknown; relationTo?: unknown; value?: unknown }
    if (node.type === 'upload' && node.relationTo === MEDIA) {
      const id = mediaIdOf(node.value)
      if (id) into.add(id)
    }
    for (const child of Object.values(value)) if (child && typeof child === 'object') richTextMediaIds(child, into)
  }
  return into
}

/** Every media id one document references. */
export const mediaIdsOf = (doc: Record<string, unknown> | undefined, refs: MediaReferences): Set<string> => {
  const ids = new Set<string>()
  if (!doc) return ids
  for (const path of refs.uploads) {
    const id = mediaIdOf(valueAt(doc, path))
    if (id) ids.add(id)
  }
  for (const path of refs.richText) richTextMediaIds(valueAt(doc, path), ids)
  return ids
}

/** True when the running config has a collection `slug`. */
const isCollectionSlug = (req: PayloadRequest, slug: string): slug is CollectionSlug => slug in req.payload.collections

/** The referencing collections of the running config, found once per process. */
const referencesByCollection = (req: PayloadRequest) =>
  Object.keys(PUBLIC_DOCUMENTS).flatMap((slug) =>
    isCollectionSlug(req, slug) ? [{ slug, refs: findMediaReferences(req.payload.collections[slug].config.fields), where: PUBLIC_DOCUMENTS[slug] }] : [],
  )

/** Media ids used in the rich text of public documents (read once per refresh). */
const publicRichTextIds = async (req: PayloadRequest): Promise<Set<string>> => {
  const ids = new Set<string>()
  for (const { slug, refs, where } of referencesByCollection(req)) {
    if (refs.richText.length === 0) continue
    const { docs } = await req.payload.db.find({
      collection: slug,
      where: where === true ? {} : where,
      pagination: false,
      select: Object.fromEntries(refs.richText.map((path): [string, true] => [path.split('.')[0], true])) satisfies SelectIncludeType,
      req,
    })
    for (const doc of docs) for (const id of mediaIdsOf(doc as Record<string, unknown>, { uploads: [], richText: refs.richText })) ids.add(id)
  }
  return ids
}

/** True when a public document uses the media `id` through an upload field. */
const usedByUploadField = async (req: PayloadRequest, id: string): Promise<boolean> => {
  for (const { slug, refs, where } of referencesByCollection(req)) {
    for (const path of refs.uploads) {
      const condition: Where = { [path]: { equals: id } }
      const { totalDocs } = await req.payload.db.count({ collection: slug, where: where === true ? condition : { and: [condition, where] }, req })
      if (totalDocs > 0) return true
    }
  }
  return false
}

/**
 * Recomputes `usedByPublished` for the given media from the database as this request sees it (same
 * transaction), and writes it where it changed. Straight through the adapter: no media hooks, no
 * file handling, no access.
 */
export const refreshMediaVisibility = async (req: PayloadRequest, ids: Iterable<string>): Promise<void> => {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return
  let richText: Set<string> | undefined
  for (const id of wanted) {
    const media = await req.payload.db.findOne<{ id: number | string; usedByPublished?: boolean | null }>({ collection: MEDIA, where: { id: { equals: id } }, req })
    if (!media) continue
    let used = await usedByUploadField(req, id)
    if (!used) {
      richText ??= await publicRichTextIds(req)
      used = richText.has(id)
    }
    if (Boolean(media.usedByPublished) !== used) {
      await req.payload.db.updateOne({ collection: MEDIA, id: media.id, data: { usedByPublished: used }, req, returning: false })
    }
  }
}

/**
 * A member (or anyone not staff) may reference only an image that is already public: otherwise
 * setting an avatar to the id of a draft's PDF would publish it, and an avatar on a published
 * report's PDF would keep it public after editors withdraw the report.
 */
export const assertReferencesPublicMedia = async (req: PayloadRequest, collection: string, ids: Iterable<string>, path: string) => {
  if (!req.user || isStaffUser(req.user)) return
  for (const id of ids) {
    const media = await req.payload.db.findOne<{ id: number | string; usedByPublished?: boolean | null; mimeType?: string | null }>({ collection: MEDIA, where: { id: { equals: id } }, req })
    if (!media?.usedByPublished || !media.mimeType?.startsWith('image/')) {
      throw new ValidationError({ collection, errors: [{ path, message: `${path} must be an image that is already public.` }] })
    }
  }
}

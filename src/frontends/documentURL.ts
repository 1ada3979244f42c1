import { settings } from '../config/settings'

/**
 * Where a document lives on the frontend: `<FRONTEND_URL>/<collection>/<slug>` (the id when a
 * document has no slug). The one scheme feeds, calendars, the sitemap, search results, webhook
 * payloads and emails link to, so a frontend implements one route per collection.
 */
export const frontendDocumentURL = (
  collection: string,
  doc: { id: number | string; slug?: unknown },
): string => {
  const key = typeof doc.slug === 'string' && doc.slug ? doc.slug : String(doc.id)
  return `${settings.frontendURL}/${collection}/${encodeURIComponent(key)}`
}

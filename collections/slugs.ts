/** Collection slugs: the REST paths (`/api/<slug>`) frontends are built against. */
export const SLUGS = {
  users: 'users',
  members: 'members',
  blogs: 'blogs',
  interviews: 'interviews',
  events: 'events',
  labThemes: 'lab-themes',
  evaluationReports: 'evaluation-reports',
  media: 'media',
  connections: 'connections',
  webhooks: 'webhooks',
  webhookDeliveries: 'webhook-deliveries',
  consentRecords: 'consent-records',
  erasureRequests: 'erasure-requests',
  privacyLog: 'privacy-log',
  retentionRuns: 'retention-runs',
  networkExports: 'network-exports',
  /** The ZIP bytes of each network export, kept apart so listing exports never reads them. */
  networkExportFiles: 'network-export-files',
} as const

/** Global slugs (`/api/globals/<slug>`). */
export const GLOBAL_SLUGS = {
  privacySettings: 'privacy-settings',
} as const

/**
 * The content collections whose documents have a page on the frontend
 * (`<FRONTEND_URL>/<collection>/<slug>`): what feeds, the sitemap, search and webhooks cover.
 */
export const PUBLIC_PAGE_COLLECTIONS = [
  SLUGS.blogs,
  SLUGS.interviews,
  SLUGS.evaluationReports,
  SLUGS.events,
  SLUGS.labThemes,
] as const
export type PublicPageCollection = (typeof PUBLIC_PAGE_COLLECTIONS)[number]

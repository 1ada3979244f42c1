/** The jobs queue network exports are built on, so a long build never holds up other queues. */
export const NETWORK_EXPORTS_QUEUE = 'network-exports'
export const TASK_BUILD_NETWORK_EXPORT = 'buildNetworkExport'
export const TASK_EXPIRE_NETWORK_EXPORTS = 'expireNetworkExports'

export const EXPORT_STATUSES = ['queued', 'building', 'ready', 'failed', 'expired'] as const
export type ExportStatus = (typeof EXPORT_STATUSES)[number]

/** The stated purpose: long enough to mean something, short enough for a list column. */
export const PURPOSE_LENGTH = { min: 10, max: 500 } as const

/** The value a generalised region or profession takes. */
export const OTHER = 'Other'

export const DEFAULT_MIN_GROUP_SIZE = 5
export const DEFAULT_KEEP_DAYS = 7

export const EXPORT_FILES = {
  members: 'members.csv',
  connections: 'connections.csv',
  monthly: 'monthly.csv',
  dictionary: 'data-dictionary.md',
  manifest: 'manifest.json',
} as const

export const EXPORT_MESSAGES = {
  loggedOut: 'Log in as staff to export the network.',
  forbidden: 'Only staff can export the network.',
  purpose: `purpose is required: say in ${PURPOSE_LENGTH.min} to ${PURPOSE_LENGTH.max} characters what the export is for.`,
  notFound: 'No network export with this id.',
  notReady: 'This export is not ready yet: its status is ',
  expired: 'This export has expired and its file was deleted. Request a new one.',
  abandoned: 'The build stopped with its server. Request a new export.',
} as const

/** Every answer here depends on who asks and may carry network data: never cached anywhere. */
export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const

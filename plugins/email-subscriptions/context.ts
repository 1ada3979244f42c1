import type { RequestContext } from 'payload'

import { CONTEXT_KEYS } from './constants'

/** What this plugin reads from a write's `req.context`. */
export type SubscriptionContext = {
  /** The host's seed is writing: notify nobody. */
  seeding: boolean
  /** Publish without announcing (imports). */
  skipAnnouncement: boolean
}

/** The one accessor for the plugin's request-context keys. */
export const getSubscriptionContext = (context: RequestContext): SubscriptionContext => ({
  seeding: Boolean(context[CONTEXT_KEYS.seeding]),
  skipAnnouncement: Boolean(context[CONTEXT_KEYS.skipAnnouncement]),
})

/** The context that makes a write publish without announcing, e.g. `payload.update({ …, context: skipAnnouncementContext })`. */
export const skipAnnouncementContext: RequestContext = { [CONTEXT_KEYS.skipAnnouncement]: true }

import { SLUGS } from '@collections/slugs'
import {
  commentModeration,
  findPatientIdentifiersUnderPolicy,
} from '@q-community/comment-moderation'
import { emailSubscriptions } from '@q-community/email-subscriptions'
import type { Plugin } from 'payload'

import type { RequestUser } from '@/access/checkRole'
import { checkRole } from '@/access/checkRole'
import { CLIENT_ADDRESS_HEADER } from '@/config/headers'
import { settings } from '@/config/settings'
import { emailPatientDataWarning } from '@/content/patientDataWarning'
import { smtpTransport } from '@/email/emailAdapter'
import { frontendDocumentURL } from '@/frontends/documentURL'
import { redisSharedState } from '@/redis/sharedState'

/** With REDIS_URL, counts, locks and cached figures shared by every instance; otherwise each plugin's memory. */
const shared = redisSharedState()

/** The collections whose first publications subscribers are told about. */
const subscriptionTopics: string[] = [
  SLUGS.blogs,
  SLUGS.interviews,
  SLUGS.events,
  SLUGS.labThemes,
  SLUGS.evaluationReports,
]

/**
 * Every plugin the CMS runs, in order. First-party plugins live in their own folders here
 * (see plugins/README.md); the host's settings are wired in here.
 */
export const plugins: Plugin[] = [
  commentModeration({
    collections: [SLUGS.blogs, SLUGS.interviews],
    authorCollection: SLUGS.members,
    staffCollection: SLUGS.users,
    isModerator: (user) => checkRole(['admin', 'moderator'], user as RequestUser),
    // The express host sets this header from the connection (honouring TRUST_PROXY) and
    // overwrites anything a client sent.
    clientAddress: (req) => req.headers.get(CLIENT_ADDRESS_HEADER) || undefined,
    documentURL: ({ collection, doc }) =>
      frontendDocumentURL(collection, doc as { id: number | string; slug?: unknown }),
    disabled: !settings.commentModerationEnabled,
    shared,
  }),
  emailSubscriptions({
    topics: [...subscriptionTopics],
    topicLabels: {
      [SLUGS.blogs]: 'Blogs',
      [SLUGS.interviews]: 'Interviews',
      [SLUGS.events]: 'Events',
      [SLUGS.labThemes]: 'Improvement Lab',
      [SLUGS.evaluationReports]: 'Evaluation reports',
    },
    serverURL: settings.serverURL,
    frontendURL: Object.fromEntries(
      subscriptionTopics.map((collection) => [collection, `${settings.frontendURL}/${collection}`]),
    ),
    from: `"${settings.emailFrom.name}" <${settings.emailFrom.address}>`,
    transport: smtpTransport,
    // Only what the environment sets; the plugin fills in its defaults.
    batchSize: settings.subscriptions.batchSize,
    claimTimeoutSeconds: settings.subscriptions.claimTimeoutSeconds,
    queue: {
      cron: settings.subscriptions.queueCron,
      maintenanceCron: settings.subscriptions.maintenanceCron,
    },
    digest: {
      cron: settings.subscriptions.digestCron,
      timeZone: settings.subscriptions.digestTimeZone,
    },
    retries: { retryDelayMs: settings.subscriptions.retryDelayMs },
    unsubscribeMailto: settings.emailFrom.address,
    bounceSecret: settings.bounceSecret,
    // The comment policy's patient-identifier guard, on what an update email would say.
    contentWarnings: async ({ text, req }) =>
      emailPatientDataWarning(await findPatientIdentifiersUnderPolicy(req, text)),
    clientAddress: (req) => req.headers.get(CLIENT_ADDRESS_HEADER) || undefined,
    shared,
  }),
]

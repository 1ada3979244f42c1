export const SUBSCRIBERS_SLUG = 'subscribers'

export const SUBSCRIBER_STATUS = {
  pending: 'pending',
  confirmed: 'confirmed',
  unsubscribed: 'unsubscribed',
  suppressed: 'suppressed',
} as const
export type SubscriberStatus = (typeof SUBSCRIBER_STATUS)[keyof typeof SUBSCRIBER_STATUS]

export const FREQUENCIES = ['instant', 'weekly'] as const
export type Frequency = (typeof FREQUENCIES)[number]

/** The same answer whatever the address's state, so the endpoint cannot tell who subscribes. */
export const SUBSCRIBE_ACCEPTED = {
  message: 'Check your inbox: we have sent a link to confirm your subscription.',
} as const

/** Version of the consent wording shown next to the form; recorded with each consent. */
export const CONSENT_WORDING_VERSION = '2026-11'

/** One row per announcement (a first publication) or weekly digest: what was sent and how far it got. */
export const MAILINGS_SLUG = 'subscription-mailings'
/** One row per (subscriber, mailing): the claim that makes every email go out once. */
export const DELIVERIES_SLUG = 'subscription-deliveries'

export const MAILING_KIND = { publication: 'publication', digest: 'digest' } as const
export type MailingKind = (typeof MAILING_KIND)[keyof typeof MAILING_KIND]

export const MAILING_STATUS = {
  queued: 'queued',
  sending: 'sending',
  done: 'done',
  failed: 'failed',
} as const
export type MailingStatus = (typeof MAILING_STATUS)[keyof typeof MAILING_STATUS]

export const DELIVERY_STATUS = { claimed: 'claimed', sent: 'sent', failed: 'failed' } as const
export type DeliveryStatus = (typeof DELIVERY_STATUS)[keyof typeof DELIVERY_STATUS]

export const TASK_SEND_MAILING = 'subscriptionsSendMailing'
export const TASK_MAINTENANCE = 'subscriptionsMaintenance'
/** Records one subscribe request and sends its confirmation email, out of the request's time. */
export const TASK_CONFIRM_SUBSCRIPTION = 'subscriptionsConfirm'

/** Written into a template's output once, then replaced by each subscriber's own token. */
export const MANAGE_TOKEN_PLACEHOLDER = 'QMANAGETOKENPLACEHOLDERxxxxxxxxxxxxxxxxxxxx'

/** A claim is retried at most this many times for one subscriber before the delivery counts as failed for good. */
export const MAX_ATTEMPTS_PER_DELIVERY = 5

/** The admin components' entry point (package.json `exports`), as the host's import map resolves it. */
export const ADMIN_COMPONENTS = '@q-community/email-subscriptions/admin'

/** Where the sanitized options are kept in `config.custom` (see `subscriptionOptionsOf`). */
export const OPTIONS_KEY = 'emailSubscriptions'

/** The jobs queue the plugin's tasks run in unless the host names another (`queue.name`). */
export const DEFAULT_QUEUE = 'subscriptions'

/** Request-context keys the plugin reads (see context.ts). */
export const CONTEXT_KEYS = {
  /** Set in a write's `context` to publish without announcing (imports). */
  skipAnnouncement: 'skipSubscriptionAnnouncement',
  /** Set by the host's demo seed: seeded writes notify nobody. */
  seeding: 'seeding',
} as const

/** Set in a write's `context` to publish without announcing (the seed, imports). */
export const SKIP_ANNOUNCEMENT = CONTEXT_KEYS.skipAnnouncement

/** Answers of the endpoints that are not tied to one field. */
export const MESSAGES = {
  logInAsAdmin: 'Log in as an admin.',
  adminsOnlyData: 'Only admins see subscriber data.',
  logInToSendDigest: 'Log in as an admin to send the digest.',
  adminsOnlyDigest: 'Only admins send the digest.',
  switchedOff: 'Email subscriptions are switched off.',
  logInAsMember: 'Log in as a member to manage your subscription.',
  verifyFirst: 'Verify your email address first.',
  suppressed:
    'Emails to this address bounced or were reported; contact us to receive updates again.',
} as const

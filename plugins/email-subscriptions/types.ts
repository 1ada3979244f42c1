import type { Payload, PayloadRequest, Where } from 'payload'

import type { KeyedLock, SharedState, WindowCounter } from '../shared/sharedState'

/** What every email template returns. */
export type RenderedEmail = { subject: string; html: string; text: string }

/** Links every email carries; `unsubscribeURL` is also the RFC 8058 List-Unsubscribe target. */
export type ManageLinks = { preferencesURL: string; unsubscribeURL: string }

/** One announced publication, as the templates see it. */
export type PublicationItem = {
  /** The topic: the collection slug. */
  topic: string
  /** The topic's human name (`topicLabels`, else the slug). */
  topicLabel: string
  title: string
  excerpt: string
  /** The document on the frontend. */
  url: string
}

export type ConfirmationEmailData = { confirmURL: string; topics: string[]; lifetimeDays: number }
export type PublicationEmailData = PublicationItem & ManageLinks
export type DigestEmailData = ManageLinks & { items: PublicationItem[]; periodStart: Date; periodEnd: Date }

/**
 * Email content. Each is a pure function of its data; the plugin adds the List-Unsubscribe headers.
 * Values are plain strings: templates must escape them (React Email does).
 */
export type SubscriptionTemplates = {
  confirmation: (data: ConfirmationEmailData) => RenderedEmail | Promise<RenderedEmail>
  publication: (data: PublicationEmailData) => RenderedEmail | Promise<RenderedEmail>
  digest: (data: DigestEmailData) => RenderedEmail | Promise<RenderedEmail>
}

/** An outgoing message; `messageId` is stable per (subscriber, mailing), so a resend can be recognised. */
export type OutgoingEmail = RenderedEmail & { to: string; from?: string; headers: Record<string, string>; messageId: string }

/**
 * The part of a nodemailer transport the plugin uses. Pass a pooled one
 * (`nodemailer.createTransport({ pool: true, … })`, nodemailer ≥ 10.1) for fast fan-out.
 */
export type SubscriptionTransport = { sendMail: (message: OutgoingEmail) => Promise<unknown> }

/** A published document of a topic collection, as the hooks see it. */
export type TopicDocument = Record<string, unknown> & { id: number | string }

export type EmailSubscriptionsOptions = {
  /** Slugs of the collections whose publications subscribers can follow (the topics). */
  topics: string[]
  /** Human names for the topics in emails and the admin. Default: the slug. */
  topicLabels?: Record<string, string>
  /** Public address of the CMS, for links in emails (`${serverURL}/api/subscribers/confirm?token=…`). */
  serverURL: string
  /**
   * Where a document lives on the frontend, per topic collection: a base URL (the document's `slug`,
   * else its id, is appended) or a function. Default: `${serverURL}/${collection}/${slug or id}`.
   */
  frontendURL?: Record<string, string | ((doc: TopicDocument) => string)>
  /** Sender, e.g. `"Q Community" <updates@q.example.org>`. Default: the email adapter's default sender. */
  from?: string
  /** Address for the `mailto:` List-Unsubscribe header. */
  unsubscribeMailto?: string
  /** Days a confirmation link stays valid. Default 7. */
  tokenLifetimeDays?: number
  /** Seconds before a new confirmation email may be sent to the same address. Default 60. */
  resendIntervalSeconds?: number
  /** Subscribe requests allowed per email address per window (the host limits per client address). Default 5 per hour. */
  subscribeLimitPerEmail?: { max: number; windowSeconds: number }
  /** The member auth collection, for logged-in subscriptions. Default `members`. */
  memberCollection?: string
  /** Who reads subscribers, mailings and deliveries, and may send the digest. Default: `users` with the `admin` role. */
  isAdmin?: (user: PayloadRequest['user']) => boolean
  /**
   * Where the per-address subscribe counts and the per-address confirmation locks live. Default:
   * this process's memory. Several instances must share them (e.g. Redis, wired by the host).
   */
  shared?: Pick<SharedState, 'counter' | 'lock'>
  /** The client's address, hashed into the consent record. Default: the first `x-forwarded-for` entry. */
  clientAddress?: (req: PayloadRequest) => string | undefined
  /** Shared secret the mail provider's bounce webhook sends in `x-bounce-secret`. Without it the endpoint refuses everything. */
  bounceSecret?: string
  /** Hard bounces after which an address is suppressed. Default 3. (One complaint always suppresses.) */
  hardBouncesToSuppress?: number
  /** Replace any email's content. Default: the plugin's React Email templates. */
  templates?: Partial<SubscriptionTemplates>
  /** The host's own transport. Default: `payload.sendEmail` (the configured email adapter). */
  transport?: SubscriptionTransport
  /**
   * Narrow who receives a publication: a `Where` on the subscribers collection, added to "confirmed,
   * instant, follows this topic" (e.g. `{ 'member.region': { equals: doc.region } }`). Return
   * `undefined` for everyone.
   */
  audience?: (args: { collection: string; doc: TopicDocument; payload: Payload }) => Where | undefined | Promise<Where | undefined>
  /** Weekly digest schedule: a cron in `timeZone`. Default Monday 08:00 Europe/London. */
  digest?: { cron?: string; timeZone?: string }
  /** Days a sent or failed delivery record is kept (as proof of what was sent) before the maintenance task deletes it. Default 90. */
  deliveryRetentionDays?: number
  /** Subscribers claimed and sent per step of a fan-out. Default 500. */
  batchSize?: number
  /** Seconds after which a claimed but unconfirmed delivery counts as abandoned by a stopped worker. Default 300. */
  claimTimeoutSeconds?: number
  /**
   * The jobs queue the plugin's tasks run in, how often a host with `autoRun` works it (default every
   * 10 s), and how often the maintenance task (digest schedule, resuming) runs (default every minute).
   */
  queue?: { name?: string; cron?: string; maintenanceCron?: string }
  /** Attempts per mailing when sending fails (SMTP down), with exponential backoff from `retryDelayMs`. Default 8 and 5000. */
  retries?: { attempts?: number; retryDelayMs?: number }
  /** Keep the schema but switch every behaviour off. */
  disabled?: boolean
}

export type ResolvedSubscriptionOptions = Omit<
  Required<EmailSubscriptionsOptions>,
  'unsubscribeMailto' | 'bounceSecret' | 'from' | 'transport' | 'audience' | 'templates' | 'digest' | 'queue' | 'retries' | 'shared'
> &
  Pick<EmailSubscriptionsOptions, 'unsubscribeMailto' | 'bounceSecret' | 'from' | 'transport' | 'audience'> & {
    templates: SubscriptionTemplates
    shared: { counter: WindowCounter; lock: KeyedLock }
    digest: { cron: string; timeZone: string }
    queue: { name: string; cron: string; maintenanceCron: string }
    retries: { attempts: number; retryDelayMs: number }
  }

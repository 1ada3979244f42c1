import type { CollectionOverrides } from '@q-community/plugin-shared/collectionOverrides'
import type { KeyedLock, SharedState, WindowCounter } from '@q-community/plugin-shared/sharedState'
import type { Payload, PayloadRequest, Where } from 'payload'

export type { CollectionOverrides }

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
export type DigestEmailData = ManageLinks & {
  items: PublicationItem[]
  periodStart: Date
  periodEnd: Date
}

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
export type OutgoingEmail = RenderedEmail & {
  to: string
  from?: string
  headers: Record<string, string>
  messageId: string
}

/**
 * The part of a nodemailer transport the plugin uses. Pass a pooled one
 * (`nodemailer.createTransport({ pool: true, … })`, nodemailer ≥ 10.1) for fast fan-out.
 */
export type SubscriptionTransport = { sendMail: (message: OutgoingEmail) => Promise<unknown> }

/** A published document of a topic collection, as the hooks see it. */
export type TopicDocument = Record<string, unknown> & { id: number | string }

export type Options = {
  /** Slugs of the collections whose publications subscribers can follow (the topics). Required. */
  topics: string[]
  /**
   * Human names for the topics in emails and the admin.
   * @default the slug
   */
  topicLabels?: Record<string, string>
  /** Public address of the CMS, for links in emails (`${serverURL}/api/subscribers/confirm?token=…`). Required. */
  serverURL: string
  /**
   * Where a document lives on the frontend, per topic collection: a base URL (the document's `slug`,
   * else its id, is appended) or a function.
   * @default `${serverURL}/${collection}/${slug or id}`
   */
  frontendURL?: Record<string, string | ((doc: TopicDocument) => string)>
  /**
   * Sender, e.g. `"Q Community" <updates@q.example.org>`.
   * @default the email adapter's default sender
   */
  from?: string
  /**
   * Address for the `mailto:` List-Unsubscribe header.
   * @default none (only the one-click URL)
   */
  unsubscribeMailto?: string
  /**
   * Days a confirmation link stays valid.
   * @default 7
   */
  tokenLifetimeDays?: number
  /**
   * Seconds before a new confirmation email may be sent to the same address.
   * @default 60
   */
  resendIntervalSeconds?: number
  /**
   * Subscribe requests allowed per email address per window (the host limits per client address).
   * @default { max: 5, windowSeconds: 3600 }
   */
  subscribeLimitPerEmail?: { max: number; windowSeconds: number }
  /**
   * The member auth collection, for logged-in subscriptions.
   * @default 'members'
   */
  memberCollection?: string
  /**
   * Who reads subscribers, mailings and deliveries, and may send the digest.
   * @default users in the `users` collection with the `admin` role
   */
  isAdmin?: (user: PayloadRequest['user']) => boolean
  /**
   * Where the per-address subscribe counts and the per-address confirmation locks live. Several
   * instances must share them (e.g. Redis, wired by the host).
   * @default this process's memory
   */
  shared?: Pick<SharedState, 'counter' | 'lock'>
  /**
   * The client's address, hashed into the consent record.
   * @default the first `x-forwarded-for` entry
   */
  clientAddress?: (req: PayloadRequest) => string | undefined
  /**
   * Shared secret the mail provider's bounce webhook sends in `x-bounce-secret`.
   * @default none: the bounce endpoint refuses everything
   */
  bounceSecret?: string
  /**
   * Hard bounces after which an address is suppressed (one complaint always suppresses).
   * @default 3
   */
  hardBouncesToSuppress?: number
  /**
   * Replace any email's content.
   * @default the plugin's React Email templates
   */
  templates?: Partial<SubscriptionTemplates>
  /**
   * Warnings about an email's content, shown to staff above the email in the preview
   * (`GET /api/subscribers/preview`), never sent. Gets the email's subject and plain text; returns
   * one message per concern (e.g. a host wires the comment plugin's patient-identifier guard here).
   * @default none
   */
  contentWarnings?: (args: { text: string; req: PayloadRequest }) => string[] | Promise<string[]>
  /**
   * The host's own transport.
   * @default `payload.sendEmail` (the configured email adapter)
   */
  transport?: SubscriptionTransport
  /**
   * Narrow who receives a publication: a `Where` on the subscribers collection, added to "confirmed,
   * instant, follows this topic" (e.g. `{ 'member.region': { equals: doc.region } }`). Return
   * `undefined` for everyone.
   * @default everyone
   */
  audience?: (args: {
    collection: string
    doc: TopicDocument
    payload: Payload
  }) => Where | undefined | Promise<Where | undefined>
  /**
   * Weekly digest schedule: a cron in `timeZone`; each key falls back to its default.
   * @default { cron: '0 8 * * 1', timeZone: 'Europe/London' }
   */
  digest?: { cron?: string; timeZone?: string }
  /**
   * Days a sent or failed delivery record is kept (as proof of what was sent) before the maintenance task deletes it.
   * @default 90
   */
  deliveryRetentionDays?: number
  /**
   * Subscribers claimed and sent per step of a fan-out.
   * @default 500
   */
  batchSize?: number
  /**
   * Seconds after which a claimed but unconfirmed delivery counts as abandoned by a stopped worker.
   * @default 300
   */
  claimTimeoutSeconds?: number
  /**
   * The jobs queue the plugin's tasks run in, how often a host with `autoRun` works it, and how often
   * the maintenance task (digest schedule, resuming) runs; each key falls back to its default.
   * @default { name: 'subscriptions', cron: '*\/10 * * * * *', maintenanceCron: '* * * * *' }
   */
  queue?: { name?: string; cron?: string; maintenanceCron?: string }
  /**
   * Attempts per mailing when sending fails (SMTP down), with exponential backoff from `retryDelayMs`.
   * @default { attempts: 8, retryDelayMs: 5000 }
   */
  retries?: { attempts?: number; retryDelayMs?: number }
  /**
   * Changes to the `subscribers` collection.
   * @default none
   */
  subscribersOverrides?: CollectionOverrides
  /**
   * Changes to the `subscription-mailings` collection.
   * @default none
   */
  mailingsOverrides?: CollectionOverrides
  /**
   * Changes to the `subscription-deliveries` collection.
   * @default none
   */
  deliveriesOverrides?: CollectionOverrides
  /**
   * Keep the schema (collections and fields, so migrations do not change) but switch the behaviour
   * off: no announcements, no tasks; `POST /subscribe` answers as usual without queueing anything
   * and `POST /digest` answers 409.
   * @default false
   */
  disabled?: boolean
}

/** The former name of `Options`, kept for hosts that import it. */
export type EmailSubscriptionsOptions = Options

/** The options after `sanitizeOptions`: every default filled in. */
export type SanitizedOptions = Omit<
  Required<Options>,
  | 'unsubscribeMailto'
  | 'bounceSecret'
  | 'from'
  | 'transport'
  | 'audience'
  | 'templates'
  | 'digest'
  | 'queue'
  | 'retries'
  | 'shared'
  | 'subscribersOverrides'
  | 'mailingsOverrides'
  | 'deliveriesOverrides'
> &
  Pick<
    Options,
    | 'unsubscribeMailto'
    | 'bounceSecret'
    | 'from'
    | 'transport'
    | 'audience'
    | 'subscribersOverrides'
    | 'mailingsOverrides'
    | 'deliveriesOverrides'
  > & {
    templates: SubscriptionTemplates
    shared: { counter: WindowCounter; lock: KeyedLock }
    digest: { cron: string; timeZone: string }
    queue: { name: string; cron: string; maintenanceCron: string }
    retries: { attempts: number; retryDelayMs: number }
  }

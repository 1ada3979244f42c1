import type { PayloadRequest } from 'payload'

export type EmailSubscriptionsOptions = {
  /** Slugs of the collections whose publications subscribers can follow (the topics). */
  topics: string[]
  /** Public address of the CMS, for links in emails (`${serverURL}/api/subscribers/confirm?token=…`). */
  serverURL: string
  /** Address for the `mailto:` List-Unsubscribe header. */
  unsubscribeMailto?: string
  /** Days a confirmation link stays valid. Default 7. */
  tokenLifetimeDays?: number
  /** Seconds before a new confirmation email may be sent to the same address. Default 60. */
  resendIntervalSeconds?: number
  /** The member auth collection, for logged-in subscriptions. Default `members`. */
  memberCollection?: string
  /** The client's address, hashed into the consent record. Default: the first `x-forwarded-for` entry. */
  clientAddress?: (req: PayloadRequest) => string | undefined
  /** Shared secret the mail provider's bounce webhook sends in `x-bounce-secret`. Without it the endpoint refuses everything. */
  bounceSecret?: string
  /** Hard bounces after which an address is suppressed. Default 3. (One complaint always suppresses.) */
  hardBouncesToSuppress?: number
  /** Keep the schema but switch every behaviour off. */
  disabled?: boolean
}

export type ResolvedSubscriptionOptions = Required<Omit<EmailSubscriptionsOptions, 'unsubscribeMailto' | 'bounceSecret'>> &
  Pick<EmailSubscriptionsOptions, 'unsubscribeMailto' | 'bounceSecret'>

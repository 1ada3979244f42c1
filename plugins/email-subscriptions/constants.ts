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
export const SUBSCRIBE_ACCEPTED = { message: 'Check your inbox: we have sent a link to confirm your subscription.' } as const

/** Version of the consent wording shown next to the form; recorded with each consent. */
export const CONSENT_WORDING_VERSION = '2026-11'

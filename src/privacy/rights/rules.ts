import {
  createLinkToken,
  hashLinkToken,
  isWellFormedLinkToken,
} from '@q-community/plugin-shared/linkTokens'

/**
 * The right to erasure (UK GDPR art. 17) as a member asks for it: a single-use link to their own
 * address (the token only in the email, its hash at rest), valid a day, then one transaction.
 */
export const ERASURE_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000

export const ERASURE_STATUSES = [
  'pending',
  'confirmed',
  'completed',
  'expired',
  'cancelled',
] as const
export type ErasureStatus = (typeof ERASURE_STATUSES)[number]
export const ERASURE_SOURCES = ['member', 'staff'] as const
export type ErasureSource = (typeof ERASURE_SOURCES)[number]

/** The name comments and posts of an erased member show. */
export const FORMER_MEMBER = 'Former member'

export const ERASURE_MESSAGES = {
  requested:
    'We sent a link to your email address. Open it within 24 hours to confirm: nothing is erased until you do.',
  invalidToken: 'This link is not valid: check that you copied all of it, or ask again.',
  usedOrExpired:
    'This link was used already, has expired or was replaced by a newer request. Ask again from your privacy page if your account still exists.',
  reasonRequired: 'Give the reason for erasing this member (it goes into the privacy log).',
  adminsOnly: 'Only admins may erase a member.',
  logIn: 'Log in as a member to do this.',
  noMember: 'No member with this id.',
  erased: 'The account and the personal data held with it were erased.',
} as const

export const createErasureToken = createLinkToken
export const hashErasureToken = hashLinkToken
export const isWellFormedErasureToken = isWellFormedLinkToken

export const erasureExpiry = (now: Date): Date => new Date(now.getTime() + ERASURE_LINK_LIFETIME_MS)

/** What a token's request allows: erase now, or refuse as used/expired (410). */
export const erasureTokenState = (
  request: { status: string; expiresAt?: string | null } | null,
  now: Date,
): 'usable' | 'gone' => {
  if (!request || request.status !== 'pending') return 'gone'
  if (!request.expiresAt || new Date(request.expiresAt) <= now) return 'gone'
  return 'usable'
}

/** A staff erasure's reason: trimmed, 3 to 1000 characters, or null when missing. */
export const erasureReason = (value: unknown): string | null => {
  if (typeof value !== 'string') return null
  const reason = value.trim()
  return reason.length >= 3 && reason.length <= 1000 ? reason : null
}

/**
 * The reason as the privacy log keeps it: the member's name or address replaced wherever staff
 * typed it, since the log must not name whom it is about.
 */
export const scrubReason = (reason: string, personal: Array<string | null | undefined>): string =>
  personal.reduce<string>((text, value) => {
    const needle = value?.trim()
    if (!needle) return text
    return text
      .split(new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'))
      .join('[member]')
  }, reason)

/**
 * What happens to each kind of data at erasure. `delete`: the rows go; `anonymise`: the row stays
 * without anything that names the member; `keep-status`: only status and dates stay. The export's
 * summary and the README read from this table, and the erasure follows it.
 */
export const ERASURE_TABLE = [
  { data: 'profile (name, email, bio, organisation, choices)', action: 'delete' },
  { data: 'avatar image, when no one else uses it', action: 'delete' },
  { data: 'login sessions and lock state', action: 'delete' },
  { data: 'connections, both directions', action: 'delete' },
  { data: 'email subscription and its delivery records', action: 'delete' },
  { data: 'consent records', action: 'delete' },
  { data: 'admin preferences and document locks', action: 'delete' },
  { data: 'queued jobs that name the member', action: 'delete' },
  { data: 'comments', action: 'anonymise' },
  { data: 'reports made on comments', action: 'anonymise' },
  { data: 'blog posts written', action: 'anonymise' },
  { data: 'interviews naming the member as interviewee', action: 'anonymise' },
  { data: 'the erasure request', action: 'keep-status' },
] as const satisfies ReadonlyArray<{ data: string; action: 'delete' | 'anonymise' | 'keep-status' }>

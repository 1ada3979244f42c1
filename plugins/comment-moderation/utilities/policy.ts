import type { JsonObject, Payload, PayloadRequest } from 'payload'

import {
  DEFAULT_APPEAL_WINDOW_DAYS,
  DEFAULT_RULE_CLAUSES,
  type ErasedCommentBody,
  POLICY_SLUG,
  ruleClauseField,
} from '../constants'
import { DEFAULT_SAFEGUARDING_PHRASES } from '../rules/safeguarding'
import type { PolicyRules } from '../rules/types'

/**
 * The automatic reply to the author of a comment held in the safeguarding lane. It promises only
 * what holds: a moderator may still publish the comment, so it says who reads it first, not that
 * it stays private.
 */
export const DEFAULT_SAFEGUARDING_REPLY_SUBJECT = 'We read your comment, and we are here'
export const DEFAULT_SAFEGUARDING_REPLY = [
  'Thank you for your comment. Something you wrote made us want to check that you are all right, so it is not published yet: a member of our team will read it first.',
  'If you are struggling or feel you might harm yourself, you do not have to cope alone. You can talk to someone now:',
  'Samaritans: call 116 123, free, any time of day or night, or email jo@samaritans.org.',
  'Shout: text SHOUT to 85258, free, any time.',
  'NHS 111: call 111 or go to 111.nhs.uk if you need urgent help or advice, including for your mental health.',
  'In an emergency, or if you or someone else is in danger right now, call 999 or go to A&E.',
  'Only our moderators will read your comment before anything is decided about publishing it. You do not need to reply to this email.',
].join('\n\n')

/** The whole policy as the plugin uses it: the rules' view plus the settings enforced around them. */
export type LoadedPolicy = PolicyRules & {
  floodIntervalSeconds: number
  closeAfterDays: number | null
  allowGuests: boolean
  reportsToHide: number
  erasedCommentBody: ErasedCommentBody
  appealWindowDays: number
  safeguardingReply: string
  safeguardingReplySubject: string
}

type StoredPolicy = {
  version?: string | null
  maxLinks?: number | null
  blockedTerms?: string[] | null
  heldTerms?: string[] | null
  holdFirstComment?: boolean | null
  trustedAfter?: number | null
  floodIntervalSeconds?: number | null
  closeAfterDays?: number | null
  allowGuests?: boolean | null
  reportsToHide?: number | null
  erasedCommentBody?: ErasedCommentBody | null
  patientDataGuard?: boolean | null
  chiNumberGuard?: boolean | null
  hcNumberGuard?: boolean | null
  safeguardingLane?: boolean | null
  safeguardingPhrases?: string[] | null
  safeguardingReply?: string | null
  safeguardingReplySubject?: string | null
  ruleClauses?: Record<string, string | null | undefined> | null
  appealWindowDays?: number | null
}

/** The global as stored: every field may be missing (a policy never saved) or null. */
const toStoredPolicy = (doc: JsonObject): StoredPolicy => doc

/**
 * Every comment needs the policy, so it is cached per Payload instance. Saving the global clears
 * the cache at once (`forgetPolicy`); the TTL bounds staleness when several processes share a
 * database.
 */
const POLICY_TTL_MS = 5000
const cache = new WeakMap<Payload, { policy: LoadedPolicy; loadedAt: number }>()

/** Drops the cached policy, so the next comment reads the one just saved. */
export const forgetCachedPolicy = (payload: Payload): void => {
  cache.delete(payload)
}

/** The `comment-policy` global (term lists included), from the cache when fresh. */
export const loadPolicy = async (req: PayloadRequest): Promise<LoadedPolicy> => {
  const cached = cache.get(req.payload)
  if (cached && Date.now() - cached.loadedAt < POLICY_TTL_MS) return cached.policy
  const policy = await readPolicy(req)
  cache.set(req.payload, { policy, loadedAt: Date.now() })
  return policy
}

const readPolicy = async (req: PayloadRequest): Promise<LoadedPolicy> => {
  const stored: StoredPolicy = toStoredPolicy(
    await req.payload.findGlobal({ slug: POLICY_SLUG, overrideAccess: true, req, depth: 0 }),
  )
  const ruleClauses = Object.fromEntries(
    Object.keys(DEFAULT_RULE_CLAUSES).map((rule) => [
      rule,
      stored.ruleClauses?.[ruleClauseField(rule)] ?? DEFAULT_RULE_CLAUSES[rule],
    ]),
  )
  return {
    version: stored.version ?? '1',
    maxLinks: stored.maxLinks ?? 2,
    blockedTerms: stored.blockedTerms ?? [],
    heldTerms: stored.heldTerms ?? [],
    holdFirstComment: stored.holdFirstComment ?? true,
    trustedAfter: stored.trustedAfter ?? 1,
    patientDataGuard: stored.patientDataGuard ?? true,
    chiNumberGuard: stored.chiNumberGuard ?? true,
    hcNumberGuard: stored.hcNumberGuard ?? true,
    ruleClauses,
    floodIntervalSeconds: stored.floodIntervalSeconds ?? 15,
    closeAfterDays: stored.closeAfterDays ?? null,
    allowGuests: stored.allowGuests ?? true,
    reportsToHide: stored.reportsToHide ?? 3,
    erasedCommentBody: stored.erasedCommentBody === 'keep' ? 'keep' : 'remove',
    appealWindowDays: stored.appealWindowDays ?? DEFAULT_APPEAL_WINDOW_DAYS,
    safeguardingLane: stored.safeguardingLane ?? true,
    // An empty list means the defaults: a policy saved before the lane existed has none, and the
    // way to switch the lane off is `safeguardingLane`, not an empty list.
    safeguardingPhrases: stored.safeguardingPhrases?.length
      ? stored.safeguardingPhrases
      : [...DEFAULT_SAFEGUARDING_PHRASES],
    safeguardingReply: stored.safeguardingReply?.trim() || DEFAULT_SAFEGUARDING_REPLY,
    safeguardingReplySubject:
      stored.safeguardingReplySubject?.trim() || DEFAULT_SAFEGUARDING_REPLY_SUBJECT,
  }
}

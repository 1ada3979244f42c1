import type { JsonObject, Payload, PayloadRequest } from 'payload'

import {
  DEFAULT_APPEAL_WINDOW_DAYS,
  DEFAULT_RULE_CLAUSES,
  type ErasedCommentBody,
  POLICY_SLUG,
  ruleClauseField,
} from '../constants'
import type { PolicyRules } from '../rules/types'

/** The whole policy as the plugin uses it: the rules' view plus the settings enforced around them. */
export type LoadedPolicy = PolicyRules & {
  floodIntervalSeconds: number
  closeAfterDays: number | null
  allowGuests: boolean
  reportsToHide: number
  erasedCommentBody: ErasedCommentBody
  appealWindowDays: number
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
  }
}

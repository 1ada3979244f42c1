import type { PayloadRequest } from 'payload'

import { POLICY_SLUG } from './constants'
import { DEFAULT_RULE_CLAUSES } from './globals/commentPolicy'
import type { PolicyRules } from './rules/types'

/** The whole policy as the plugin uses it: the rules' view plus the settings enforced around them. */
export type LoadedPolicy = PolicyRules & {
  floodIntervalSeconds: number
  closeAfterDays: number | null
  allowGuests: boolean
  reportsToHide: number
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
  patientDataGuard?: boolean | null
  ruleClauses?: Record<string, string | null | undefined> | null
}

const camel = (rule: string) => rule.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())

/** Reads the `comment-policy` global (term lists included) within the request's transaction. */
export const loadPolicy = async (req: PayloadRequest): Promise<LoadedPolicy> => {
  const stored = (await req.payload.findGlobal({ slug: POLICY_SLUG as never, overrideAccess: true, req, depth: 0 })) as StoredPolicy
  const ruleClauses = Object.fromEntries(
    Object.keys(DEFAULT_RULE_CLAUSES).map((rule) => [rule, stored.ruleClauses?.[camel(rule)] ?? DEFAULT_RULE_CLAUSES[rule]]),
  )
  return {
    version: stored.version ?? '1',
    maxLinks: stored.maxLinks ?? 2,
    blockedTerms: stored.blockedTerms ?? [],
    heldTerms: stored.heldTerms ?? [],
    holdFirstComment: stored.holdFirstComment ?? true,
    trustedAfter: stored.trustedAfter ?? 1,
    patientDataGuard: stored.patientDataGuard ?? true,
    ruleClauses,
    floodIntervalSeconds: stored.floodIntervalSeconds ?? 15,
    closeAfterDays: stored.closeAfterDays ?? null,
    allowGuests: stored.allowGuests ?? true,
    reportsToHide: stored.reportsToHide ?? 3,
  }
}

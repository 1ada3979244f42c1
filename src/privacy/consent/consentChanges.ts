import {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  type ConsentPurposeWording,
} from '../consentPurposes'

export const CONSENT_SOURCES = ['member', 'staff', 'seed', 'import', 'signup'] as const
export type ConsentSource = (typeof CONSENT_SOURCES)[number]

export const isConsentSource = (value: unknown): value is ConsentSource =>
  CONSENT_SOURCES.some((source) => source === value)

/** `req.context` key a seed or import sets to name the source of the choices it writes. */
export const CONSENT_SOURCE_CONTEXT = 'consentSource'

export type ConsentChange = {
  purpose: ConsentPurpose
  granted: boolean
  wordingVersion: string
}

type Choices = Partial<Record<ConsentPurposeWording['field'], unknown>>

/** A stored checkbox as a boolean; an absent one is the purpose's default. */
const granted = (choices: Choices, wording: ConsentPurposeWording): boolean => {
  const value = choices[wording.field]
  return value === undefined || value === null ? wording.defaultValue : Boolean(value)
}

/**
 * The consent records a member's save calls for: on create one per purpose (what the member starts
 * with, defaults included, so every member's choices have a record); on update one per purpose whose
 * value changed.
 */
export const consentChanges = (doc: Choices, previous: Choices | null): ConsentChange[] =>
  (Object.keys(CONSENT_PURPOSES) as ConsentPurpose[]).flatMap((purpose) => {
    const wording = CONSENT_PURPOSES[purpose]
    const now = granted(doc, wording)
    if (previous && granted(previous, wording) === now) return []
    return [{ purpose, granted: now, wordingVersion: wording.version }]
  })

/** Who made the change: the context's source (seed, import), else the member themself or staff. */
export const consentSource = (
  context: Record<string, unknown>,
  user: { collection?: string } | null | undefined,
  membersSlug: string,
  operation: 'create' | 'update',
): ConsentSource => {
  const named = context[CONSENT_SOURCE_CONTEXT]
  if (isConsentSource(named)) return named
  if (user?.collection === membersSlug) return 'member'
  if (user) return 'staff'
  return operation === 'create' ? 'signup' : 'staff'
}

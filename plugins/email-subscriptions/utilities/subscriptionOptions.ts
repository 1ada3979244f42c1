import type { Payload } from 'payload'

import { OPTIONS_KEY } from '../constants'
import type { SanitizedOptions } from '../types'

/** Kept in `config.custom`, which is server-only. */
export const withOptionsInCustom = (
  custom: Record<string, unknown> | undefined,
  options: SanitizedOptions,
) => ({ ...custom, [OPTIONS_KEY]: options })

const isSanitizedOptions = (value: unknown): value is SanitizedOptions =>
  Boolean(value) &&
  typeof value === 'object' &&
  value !== null &&
  'topics' in value &&
  'queue' in value

/** The options the plugin runs with in this Payload instance (for CLI scripts such as `npm run digest`). */
export const subscriptionOptionsOf = (payload: Payload): SanitizedOptions => {
  const options: unknown = payload.config.custom?.[OPTIONS_KEY]
  if (!isSanitizedOptions(options))
    throw new Error('emailSubscriptions is not in this Payload config')
  return options
}

import { FREQUENCIES, type Frequency } from '../constants'

/** The address as stored and compared: trimmed and lower-cased. */
export const normaliseEmail = (value: unknown): string | null => {
  if (typeof value !== 'string') return null
  const email = value.trim().toLowerCase()
  return email.length <= 254 && /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[a-z]{2,}$/.test(email)
    ? email
    : null
}

export type SubscriptionInput = { email: string; topics: string[]; frequency: Frequency }

/** Checks a subscribe request; the first problem found is returned with the field it concerns. */
export const checkSubscription = (
  body: Record<string, unknown>,
  knownTopics: readonly string[],
): SubscriptionInput | { field: 'email' | 'topics' | 'frequency'; message: string } => {
  const email = normaliseEmail(body.email)
  if (!email) return { field: 'email', message: 'email must be a valid email address.' }
  const topics = body.topics ?? knownTopics
  if (
    !Array.isArray(topics) ||
    topics.length === 0 ||
    topics.some((topic) => typeof topic !== 'string')
  ) {
    return {
      field: 'topics',
      message: `topics must be a non-empty list of: ${knownTopics.join(', ')}.`,
    }
  }
  const unknown = topics.find((topic) => !knownTopics.includes(topic as string))
  if (unknown !== undefined)
    return {
      field: 'topics',
      message: `Unknown topic "${String(unknown)}"; topics are: ${knownTopics.join(', ')}.`,
    }
  const frequency = body.frequency ?? 'instant'
  if (!FREQUENCIES.includes(frequency as Frequency))
    return { field: 'frequency', message: 'frequency must be instant or weekly.' }
  return { email, topics: [...new Set(topics as string[])], frequency: frequency as Frequency }
}

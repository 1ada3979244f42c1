import type { DateFieldValidation } from 'payload'

/** `endsAt` may equal `startsAt` (an open-ended drop-in) but never precede it. */
export const validateEndsAt: DateFieldValidation = (value, { siblingData }) => {
  if (!value) return 'endsAt is required.'
  const startsAt = (siblingData as { startsAt?: Date | string | null }).startsAt
  if (startsAt && new Date(value).getTime() < new Date(startsAt).getTime()) {
    return 'endsAt must not be before startsAt.'
  }
  return true
}

import type { PayloadRequest } from 'payload'

import { badRequest } from '@/http/errorResponses'

export const today = () => new Date().toISOString().slice(0, 10)

/** A calendar date `YYYY-MM-DD` (rejects 2026-02-30), or null. */
export const parseDay = (raw: string): string | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null
  const date = new Date(`${raw}T00:00:00.000Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === raw ? raw : null
}

/** The date in query parameter `name`, `fallback` when absent, or the 400 to answer with. */
export const dayParam = (
  req: PayloadRequest,
  name: string,
  fallback: string,
): string | Response => {
  const raw = req.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  return parseDay(raw) ?? badRequest(name, `${name} must be a date written YYYY-MM-DD.`)
}

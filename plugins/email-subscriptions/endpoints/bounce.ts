import { timingSafeEqual } from 'node:crypto'

import { readBody } from '@q-community/plugin-shared/pages'
import { errorResponse } from '@q-community/plugin-shared/responses'
import { eq, type SQL, sql } from 'drizzle-orm'
import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { SUBSCRIBER_STATUS, SUBSCRIBERS_SLUG } from '../constants'
import { normaliseEmail } from '../rules/validation'
import type { SanitizedOptions } from '../types'
import type { SubscriberDoc } from '../utilities/subscribers'

export const BOUNCE_SECRET_HEADER = 'x-bounce-secret'
const BOUNCE_TYPES = ['hard', 'soft', 'complaint'] as const

const sameSecret = (given: string | null, expected: string) =>
  Boolean(given) &&
  Buffer.byteLength(given ?? '') === Buffer.byteLength(expected) &&
  timingSafeEqual(Buffer.from(given ?? ''), Buffer.from(expected))

const isBounceType = (value: unknown): value is (typeof BOUNCE_TYPES)[number] =>
  BOUNCE_TYPES.some((type) => type === value)

type Row = Record<string, unknown>
type Column = Parameters<typeof eq>[0]
/** The part of drizzle's query builder used here; identical for the SQLite and PostgreSQL dialects. */
type DrizzleLike = {
  update: (table: object) => {
    set: (values: Row) => {
      where: (where: SQL | undefined) => {
        returning: (fields: Record<string, Column>) => Promise<Row[]>
      }
    }
  }
}
type SqlAdapter = { drizzle: DrizzleLike; tables: Record<string, Record<string, Column>> }
const isSqlAdapter = (db: object): db is SqlAdapter => 'drizzle' in db && 'tables' in db
const sqlAdapterOf = (req: PayloadRequest): SqlAdapter | null => {
  const { db } = req.payload
  return isSqlAdapter(db) && db.tables[SUBSCRIBERS_SLUG] ? db : null
}

/**
 * Counts one hard bounce or complaint and suppresses the address when due. On the SQL adapters the
 * count is `bounce_count + 1` inside the UPDATE and the suppression a second UPDATE, so bounces
 * arriving together (a provider retrying, a burst after an outage) each count: none overwrites
 * another's count. Elsewhere (MongoDB), read and write through the Local API.
 */
const recordBounce = async (
  req: PayloadRequest,
  options: SanitizedOptions,
  email: string,
  type: 'hard' | 'complaint',
) => {
  const adapter = sqlAdapterOf(req)
  const now = new Date().toISOString()
  if (adapter) {
    const table = adapter.tables[SUBSCRIBERS_SLUG]
    const [counted] = await adapter.drizzle
      .update(table)
      .set({
        bounceCount: sql`coalesce(${table.bounceCount}, 0) + ${sql.raw(type === 'hard' ? '1' : '0')}`,
        updatedAt: now,
      })
      .where(eq(table.email, email))
      .returning({ id: table.id, bounceCount: table.bounceCount })
    // PostgreSQL returns its numeric columns as strings.
    if (
      counted &&
      (type === 'complaint' || Number(counted.bounceCount) >= options.hardBouncesToSuppress)
    ) {
      await adapter.drizzle
        .update(table)
        .set({ status: SUBSCRIBER_STATUS.suppressed, updatedAt: now })
        .where(eq(table.id, counted.id))
        .returning({ id: table.id })
    }
    return
  }
  const { docs } = await req.payload.find({
    collection: SUBSCRIBERS_SLUG,
    where: { email: { equals: email } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const subscriber = docs[0] as SubscriberDoc | undefined
  if (!subscriber) return
  const bounceCount = (subscriber.bounceCount ?? 0) + (type === 'hard' ? 1 : 0)
  const suppress = type === 'complaint' || bounceCount >= options.hardBouncesToSuppress
  await req.payload.update({
    collection: SUBSCRIBERS_SLUG,
    id: subscriber.id,
    data: { bounceCount, ...(suppress ? { status: SUBSCRIBER_STATUS.suppressed } : {}) },
    overrideAccess: true,
  })
}

/**
 * `POST /api/subscribers/bounce { email, type: hard | soft | complaint }`, authenticated by the
 * shared secret in `x-bounce-secret` (from the mail provider's webhook). An address is suppressed
 * after `hardBouncesToSuppress` hard bounces or one complaint, and never mailed again until an
 * admin re-enables it. The answer is the same whether or not the address is known.
 */
export const bounceEndpoint = (options: SanitizedOptions): Endpoint => ({
  path: '/bounce',
  method: 'post',
  handler: async (req) => {
    if (
      !options.bounceSecret ||
      !sameSecret(req.headers.get(BOUNCE_SECRET_HEADER), options.bounceSecret)
    ) {
      throw new APIError(`A valid ${BOUNCE_SECRET_HEADER} header is required.`, 401)
    }
    const body = await readBody(req)
    if (!body) return errorResponse(400, 'Send a JSON object: { email, type }.', 'body')
    const email = normaliseEmail(body.email)
    if (!email) return errorResponse(400, 'email must be a valid email address.', 'email')
    if (!isBounceType(body.type))
      return errorResponse(400, 'type must be hard, soft or complaint.', 'type')
    if (body.type !== 'soft') await recordBounce(req, options, email, body.type)
    return Response.json({ received: true }, { status: 202 })
  },
})

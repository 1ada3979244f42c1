/**
 * Fields only the server sets, with comment moderation switched OFF (`COMMENT_MODERATION=off`, the
 * plugin `disabled`): then no moderation hook overwrites what a client sent, so field access alone
 * must drop it. Local API with `overrideAccess: false` and a user runs the same access as REST.
 */
import type { Payload, PayloadRequest } from 'payload'

import {
  createContent,
  createMember,
  createStaff,
  type MemberUser,
  type StaffUser,
} from '../helpers/fixtures'
import { startPayload, stopPayload } from '../helpers/payload'

let payload: Payload
let member: MemberUser
let other: MemberUser
let editor: StaffUser
let moderator: StaffUser
let blogId: number

const as = (user: MemberUser | StaffUser | undefined) => ({
  overrideAccess: false,
  user: user as PayloadRequest['user'],
  depth: 0,
})
const storedComment = (id: number) =>
  payload.findByID({ collection: 'comments', id, overrideAccess: true, depth: 0 })
const storedConnection = (id: number) =>
  payload.findByID({ collection: 'connections', id, overrideAccess: true, depth: 0 })

beforeAll(async () => {
  process.env.COMMENT_MODERATION = 'off'
  payload = await startPayload('server-set-fields')
  member = await createMember(payload)
  other = await createMember(payload)
  editor = await createStaff(payload, 'editor')
  moderator = await createStaff(payload, 'moderator')
  blogId = (await createContent(payload, 'blogs')).id
})

afterAll(async () => {
  delete process.env.COMMENT_MODERATION
  await stopPayload(payload)
})

/** Everything a client might try to set on a new comment beyond what it may. */
const forged = () => ({
  status: 'approved',
  needsReview: false,
  urgent: true,
  author: other.id,
  decision: { by: moderator.id, at: '2020-01-01T00:00:00.000Z', reason: 'forged', clause: '9' },
  reasons: [{ rule: 'forged', clause: '9', detail: 'forged' }],
  reports: [{ member: other.id, reason: 'forged', reportedAt: '2020-01-01T00:00:00.000Z' }],
  reportCount: 99,
  moderatorsNotifiedAt: '2020-01-01T00:00:00.000Z',
  ipHash: 'forged-ip',
  userAgentHash: 'forged-ua',
  depth: 7,
  policyVersion: 'forged',
})

describe('comments with moderation off', () => {
  test('the plugin really is disabled in this file', () => {
    expect(process.env.COMMENT_MODERATION).toBe('off')
  })

  test.each([
    ['a member', (): MemberUser | undefined => member, {}],
    [
      'a guest',
      (): MemberUser | undefined => undefined,
      { authorName: 'Gwen Guest', authorEmail: 'gwen@example.org' },
    ],
  ] as const)(
    '%s cannot set status, decision, reports, hashes, depth or the author',
    async (_label, user, guestFields) => {
      const created = await payload.create({
        collection: 'comments',
        data: {
          target: { relationTo: 'blogs', value: blogId },
          body: 'Hello',
          policyAccepted: true,
          ...guestFields,
          ...forged(),
        } as never,
        ...as(user()),
      })
      const doc = await storedComment(created.id)
      expect(doc.status).toBe('pending')
      expect(doc.needsReview).toBe(true)
      expect(doc.urgent).toBe(false)
      expect(doc.author).toBe(user() ? member.id : null)
      expect(doc.decision?.by ?? null).toBeNull()
      expect(doc.decision?.reason ?? null).toBeNull()
      expect(doc.reasons ?? []).toEqual([])
      expect(doc.reports ?? []).toEqual([])
      expect(doc.reportCount).toBe(0)
      expect(doc.moderatorsNotifiedAt ?? null).toBeNull()
      expect(doc.ipHash ?? null).toBeNull()
      expect(doc.userAgentHash ?? null).toBeNull()
      expect(doc.depth).toBe(1)
      expect(doc.policyVersion ?? null).toBeNull()
    },
  )
})

describe('connections: requestedAt, acceptedAt and source are the server’s', () => {
  const forgedDates = {
    requestedAt: '2001-01-01T00:00:00.000Z',
    acceptedAt: '2001-01-01T00:00:00.000Z',
    source: 'import',
  }

  test('a member requesting a connection', async () => {
    const before = Date.now()
    const created = await payload.create({
      collection: 'connections',
      data: { to: other.id, ...forgedDates } as never,
      ...as(member),
    })
    const doc = await storedConnection(created.id)
    expect(doc.source).toBe('request')
    expect(doc.acceptedAt ?? null).toBeNull()
    expect(new Date(doc.requestedAt as string).getTime()).toBeGreaterThanOrEqual(before - 1000)

    // The recipient accepts: acceptedAt is stamped now, whatever the recipient sends.
    await payload.update({
      collection: 'connections',
      id: created.id,
      data: { status: 'accepted', ...forgedDates } as never,
      ...as(other),
    })
    const accepted = await storedConnection(created.id)
    expect(accepted.source).toBe('request')
    expect(new Date(accepted.acceptedAt as string).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(accepted.requestedAt).toBe(doc.requestedAt)
  })

  test('an editor creating or editing a connection', async () => {
    const third = await createMember(payload)
    const before = Date.now()
    const created = await payload.create({
      collection: 'connections',
      data: { from: member.id, to: third.id, status: 'accepted', ...forgedDates } as never,
      ...as(editor),
    })
    const doc = await storedConnection(created.id)
    expect(doc.source).toBe('request')
    expect(new Date(doc.requestedAt as string).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(new Date(doc.acceptedAt as string).getTime()).toBeGreaterThanOrEqual(before - 1000)
    await payload.update({
      collection: 'connections',
      id: created.id,
      data: forgedDates as never,
      ...as(editor),
    })
    expect(await storedConnection(created.id)).toMatchObject({
      source: 'request',
      requestedAt: doc.requestedAt,
      acceptedAt: doc.acceptedAt,
    })
  })

  test('an import (overrideAccess) keeps its dates and source', async () => {
    const fourth = await createMember(payload)
    const created = await payload.create({
      collection: 'connections',
      data: { from: member.id, to: fourth.id, status: 'accepted', ...forgedDates } as never,
      overrideAccess: true,
    })
    expect(await storedConnection(created.id)).toMatchObject(forgedDates)
  })
})

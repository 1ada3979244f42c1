/**
 * Consent records and retention, through the Local API on a fresh database: the members' own save
 * records each change of a choice in its transaction, members read only their own records,
 * contactable=false refuses connection requests, and each retention task deletes what is past its
 * period and records its run. (The endpoints and the member's page are tried over HTTP in
 * test/browser/privacyPage.int.spec.ts.)
 */
import type { Payload } from 'payload'
import { createLocalReq, ValidationError } from 'payload'

import { inTransaction } from '@/db/inTransaction'
import { networkSnapshot } from '@/network/cache'
import { CONSENT_PURPOSES } from '@/privacy/consentPurposes'
import { RETENTION_TASKS } from '@/privacy/retention/constants'
import { eraseMember } from '@/privacy/rights/eraseMember'

import { PNG_1x1 } from '../helpers/fixtures'
import { startPayload, stopPayload } from '../helpers/payload'
import { createSubscriber } from '../helpers/subscribers'

let payload: Payload
const DAY = 86_400_000
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString()

beforeAll(async () => {
  payload = await startPayload('consent-retention')
}, 120_000)

afterAll(async () => {
  await stopPayload(payload)
})

const newMember = async (name: string) =>
  payload.create({
    collection: 'members',
    data: {
      name,
      email: `${name.toLowerCase()}@consent.example.org`,
      password: 'a-long-test-password',
      profession: 'nurse',
      region: 'wales',
    },
    overrideAccess: true,
  })

/** The member as `req.user`, for calls with their access. */
const asMember = (member: { id: number | string }) => ({
  ...member,
  collection: 'members' as const,
})

const recordsOf = async (memberId: number | string) =>
  (
    await payload.find({
      collection: 'consent-records',
      where: { member: { equals: memberId } },
      sort: 'recordedAt',
      overrideAccess: true,
      depth: 0,
      limit: 100,
    })
  ).docs

describe('consent records', () => {
  test('a new member has one record per purpose, with the defaults and the wording version', async () => {
    const member = await newMember('Aled')
    const records = await recordsOf(member.id)
    expect(
      records.map((record) => [record.purpose, record.granted, record.wordingVersion]).sort(),
    ).toEqual([
      ['contact', true, CONSENT_PURPOSES.contact.version],
      ['directory', true, CONSENT_PURPOSES.directory.version],
      ['networkAnalysis', false, CONSENT_PURPOSES.networkAnalysis.version],
    ])
    // Created by the Local API without a user: the sign-up's defaults.
    expect(records.every((record) => record.source === 'signup')).toBe(true)
  })

  test("the member's own change is recorded once, in the save, and only their own records are theirs to read", async () => {
    const member = await newMember('Bethan')
    const other = await newMember('Carys')
    await payload.update({
      collection: 'members',
      id: member.id,
      data: { networkAnalysis: true, name: 'Bethan J' },
      user: asMember(member),
      overrideAccess: false,
    })
    const records = await recordsOf(member.id)
    expect(records).toHaveLength(4)
    expect(records[3]).toMatchObject({
      purpose: 'networkAnalysis',
      granted: true,
      source: 'member',
      wordingVersion: CONSENT_PURPOSES.networkAnalysis.version,
    })
    // A save that changes no choice records nothing.
    await payload.update({
      collection: 'members',
      id: member.id,
      data: { organisation: 'Somewhere' },
      user: asMember(member),
      overrideAccess: false,
    })
    expect(await recordsOf(member.id)).toHaveLength(4)

    const seen = await payload.find({
      collection: 'consent-records',
      user: asMember(other),
      overrideAccess: false,
      depth: 0,
    })
    expect(seen.docs.every((record) => record.member === other.id)).toBe(true)
    expect(seen.totalDocs).toBe(3)
    await expect(
      payload.create({
        collection: 'consent-records',
        data: {
          member: other.id,
          purpose: 'networkAnalysis',
          granted: true,
          wordingVersion: 'x',
          recordedAt: new Date().toISOString(),
          source: 'member',
        },
        user: asMember(other),
        overrideAccess: false,
      }),
    ).rejects.toThrow()
  })

  test('a member who takes no requests gets none; staff imports still connect them', async () => {
    const quiet = await newMember('Dafydd')
    const asker = await newMember('Efa')
    await payload.update({
      collection: 'members',
      id: quiet.id,
      data: { contactable: false },
      user: asMember(quiet),
      overrideAccess: false,
    })
    const request = payload.create({
      collection: 'connections',
      // `from`, `status` and `source` are the server's (the caller's id, pending, request).
      data: { from: asker.id, to: quiet.id, status: 'pending', source: 'request' },
      user: asMember(asker),
      overrideAccess: false,
    })
    await expect(request).rejects.toThrow(ValidationError)
    await expect(request).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'to' })] },
    })
    const imported = await payload.create({
      collection: 'connections',
      data: { from: asker.id, to: quiet.id, status: 'accepted', source: 'import' },
      overrideAccess: true,
    })
    expect(imported.status).toBe('accepted')
    expect((await recordsOf(quiet.id)).at(-1)).toMatchObject({ purpose: 'contact', granted: false })
  })

  test("a deleted member's consent records go with them", async () => {
    const leaving = await newMember('Ffion')
    expect(await recordsOf(leaving.id)).toHaveLength(3)
    await payload.delete({ collection: 'members', id: leaving.id, overrideAccess: true })
    expect(await recordsOf(leaving.id)).toHaveLength(0)
  })

  test('a connected member can be deleted: their connections go with them (PostgreSQL refused it)', async () => {
    const [leaving, staying] = [await newMember('Gwen'), await newMember('Huw')]
    const connection = await payload.create({
      collection: 'connections',
      data: { from: leaving.id, to: staying.id, status: 'accepted', source: 'import' },
      overrideAccess: true,
    })
    await payload.delete({ collection: 'members', id: leaving.id, overrideAccess: true })
    const left = await payload.find({
      collection: 'connections',
      where: { id: { equals: connection.id } },
      overrideAccess: true,
    })
    expect(left.totalDocs).toBe(0)
  })
})

describe('the directory choice', () => {
  test('staff may take a member out of the directory but not put them back', async () => {
    const member = await newMember('Jac')
    const staff = { id: 1, collection: 'users' as const, roles: ['editor'] }
    const unlisted = await payload.update({
      collection: 'members',
      id: member.id,
      data: { directoryVisible: false },
      overrideAccess: false,
      user: staff,
    })
    expect(unlisted.directoryVisible).toBe(false)
    const relisted = await payload.update({
      collection: 'members',
      id: member.id,
      data: { directoryVisible: true },
      overrideAccess: false,
      user: staff,
    })
    expect(relisted.directoryVisible).toBe(false)
    const own = await payload.update({
      collection: 'members',
      id: member.id,
      data: { directoryVisible: true },
      overrideAccess: false,
      user: asMember(member),
    })
    expect(own.directoryVisible).toBe(true)
  })
})

describe("an erased member's photo", () => {
  const photo = (name: string) =>
    payload.create({
      collection: 'media',
      data: { alt: name },
      file: { data: PNG_1x1, mimetype: 'image/png', name: `${name}.png`, size: PNG_1x1.length },
      overrideAccess: true,
    })
  const erase = async (member: { id: number }) => {
    const full = await payload.findByID({ collection: 'members', id: member.id, depth: 0 })
    const req = await createLocalReq({}, payload)
    await inTransaction(req, () => eraseMember(req, full))
  }
  const exists = async (id: number) =>
    (await payload.count({ collection: 'media', where: { id: { equals: id } } })).totalDocs === 1

  test('goes with them, though their listing made it public; a photo published content uses stays', async () => {
    const own = await photo('own-avatar')
    const listed = await newMember('Kai')
    await payload.update({
      collection: 'members',
      id: listed.id,
      data: { avatar: own.id },
      overrideAccess: true,
    })
    expect((await payload.findByID({ collection: 'media', id: own.id })).usedByPublished).toBe(true)
    await erase(listed)
    expect(await exists(own.id)).toBe(false)

    const shared = await photo('shared-avatar')
    await payload.create({
      collection: 'blogs',
      data: {
        title: 'A post with the photo',
        slug: 'post-with-photo',
        heroImage: shared.id,
        _status: 'published',
      },
      overrideAccess: true,
    })
    const other = await newMember('Lowri')
    await payload.update({
      collection: 'members',
      id: other.id,
      data: { avatar: shared.id },
      overrideAccess: true,
    })
    await erase(other)
    expect(await exists(shared.id)).toBe(true)
  })
})

describe('erasure links and new credentials', () => {
  const pendingRequest = (memberId: number) =>
    payload.create({
      collection: 'erasure-requests',
      data: {
        member: memberId,
        status: 'pending',
        source: 'member',
        requestedAt: new Date().toISOString(),
        tokenHash: 'a'.repeat(64),
      },
      overrideAccess: true,
    })
  const statusOf = async (id: number) =>
    (await payload.findByID({ collection: 'erasure-requests', id, overrideAccess: true })).status

  test('a new password or address cancels links still waiting; other changes do not', async () => {
    const member = await newMember('Mali')
    const waiting = await pendingRequest(member.id)
    await payload.update({
      collection: 'members',
      id: member.id,
      data: { bio: 'Still here.' },
      overrideAccess: true,
    })
    expect(await statusOf(waiting.id)).toBe('pending')
    await payload.update({
      collection: 'members',
      id: member.id,
      data: { password: 'a-new-long-password' },
      overrideAccess: true,
    })
    expect(await statusOf(waiting.id)).toBe('cancelled')
    const again = await pendingRequest(member.id)
    await payload.update({
      collection: 'members',
      id: member.id,
      data: { email: 'mali.new@consent.example.org' },
      overrideAccess: true,
    })
    expect(await statusOf(again.id)).toBe('cancelled')
  })
})

describe('network figures and a withdrawal', () => {
  test('a withdrawal leaves the figures even when they were read before it committed', async () => {
    const member = await newMember('Iolo')
    await payload.update({
      collection: 'members',
      id: member.id,
      data: { networkAnalysis: true },
      overrideAccess: false,
      user: asMember(member),
    })
    const counted = async () =>
      (await networkSnapshot(payload)).members.some((row) => String(row.id) === String(member.id))
    expect(await counted()).toBe(true)
    const req = await createLocalReq({ user: { ...member, collection: 'members' } }, payload)
    await inTransaction(req, async () => {
      await payload.update({
        collection: 'members',
        id: member.id,
        data: { networkAnalysis: false },
        overrideAccess: false,
        req,
      })
      // A reader outside the transaction reloads the figures from the rows before the commit.
      expect(await counted()).toBe(true)
    })
    expect(await counted()).toBe(false)
  })
})

describe('retention tasks', () => {
  const run = async (task: string) => {
    await payload.jobs.queue({ task: task as 'retentionUnconfirmedSubscriptions', input: {} })
    await payload.jobs.run({ queue: 'default' })
  }
  const lastRun = async (task: string) =>
    (
      await payload.find({
        collection: 'retention-runs',
        where: { task: { equals: task } },
        sort: '-ranAt',
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]

  test('unconfirmed subscriptions older than the period go; recent or confirmed ones stay; the run is recorded', async () => {
    const old = await createSubscriber(payload, {
      email: 'old-pending@consent.example.org',
      topics: ['blogs'],
      status: 'pending',
    })
    const recent = await createSubscriber(payload, {
      email: 'new-pending@consent.example.org',
      topics: ['blogs'],
      status: 'pending',
    })
    const confirmed = await createSubscriber(payload, {
      email: 'old-confirmed@consent.example.org',
      topics: ['blogs'],
      status: 'confirmed',
    })
    // Subscribed long ago, unsubscribed, and asked again today: the old row is pending again.
    const again = await createSubscriber(payload, {
      email: 'again-pending@consent.example.org',
      topics: ['blogs'],
      status: 'pending',
    })
    for (const id of [old.id, confirmed.id])
      await payload.db.updateOne({
        collection: 'subscribers',
        id,
        data: { createdAt: daysAgo(31), updatedAt: daysAgo(31) },
        returning: false,
      })
    await payload.db.updateOne({
      collection: 'subscribers',
      id: again.id,
      data: { createdAt: daysAgo(400), updatedAt: new Date().toISOString() },
      returning: false,
    })
    // A retention-runs row past its own 90 days is trimmed by the next run.
    const stale = await payload.create({
      collection: 'retention-runs',
      data: {
        task: RETENTION_TASKS.erasureRecords,
        ranAt: daysAgo(91),
        ok: true,
        removed: 0,
        durationMs: 1,
      },
      overrideAccess: true,
    })

    await run(RETENTION_TASKS.unconfirmedSubscriptions)

    const left = await payload.find({
      collection: 'subscribers',
      where: { email: { like: '@consent.example.org' } },
      overrideAccess: true,
      limit: 10,
    })
    expect(left.docs.map((doc) => doc.id).sort()).toEqual(
      [recent.id, confirmed.id, again.id].sort(),
    )
    expect(await lastRun(RETENTION_TASKS.unconfirmedSubscriptions)).toMatchObject({
      ok: true,
      removed: 1,
      durationMs: expect.any(Number),
    })
    const trimmed = await payload.find({
      collection: 'retention-runs',
      where: { id: { equals: stale.id } },
      overrideAccess: true,
    })
    expect(trimmed.totalDocs).toBe(0)
  })

  test('the erasure-records task runs (and records a run) whether or not the erasure collection exists', async () => {
    await run(RETENTION_TASKS.erasureRecords)
    expect(await lastRun(RETENTION_TASKS.erasureRecords)).toMatchObject({ ok: true })
  })

  test("the comment plugin's client-data purge is recorded too", async () => {
    await run(RETENTION_TASKS.commentClientData)
    expect(await lastRun(RETENTION_TASKS.commentClientData)).toMatchObject({
      ok: true,
      removed: 0,
    })
  })
})

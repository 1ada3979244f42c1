/**
 * Who may do what, as a table: every (collection, operation) row lists the actors allowed; every
 * other actor must be refused. Runs through the Local API with `overrideAccess: false`, on SQLite
 * by default and on PostgreSQL in the `npm run test:postgres` run.
 */
import type { Payload, PayloadRequest } from 'payload'

import {
  CONTENT_SLUGS,
  contentData,
  type ContentSlug,
  createMember,
  createStaff,
  DRAFT_SLUGS,
  type MemberUser,
  PNG_1x1,
  type StaffUser,
} from '../helpers/fixtures'
import { startPayload, stopPayload } from '../helpers/payload'
import { createSubscriber } from '../helpers/subscribers'

const ACTORS = ['anonymous', 'member', 'otherMember', 'moderator', 'editor', 'admin'] as const
type Actor = (typeof ACTORS)[number]
type Subject = MemberUser | StaffUser | undefined
type Attempt = (as: Subject) => Promise<unknown>

const ALL: readonly Actor[] = ACTORS
const STAFF: readonly Actor[] = ['moderator', 'editor', 'admin']
const CONTENT_TEAM: readonly Actor[] = ['editor', 'admin']

let payload: Payload
const actors = {} as Record<Actor, Subject>
let targets: {
  published: Record<ContentSlug, number>
  drafts: Partial<Record<ContentSlug, number>>
  media: number
  staffTarget: StaffUser
  subscriber: number
  mailing: number
  delivery: number
}

/** Resolves true when the operation went through, false when access refused it (or hid the row). */
const allowed = async (attempt: Attempt, as: Subject): Promise<boolean> => {
  try {
    const result = await attempt(as)
    return result !== null && result !== undefined && result !== false
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 403 || status === 404 || status === 401) return false
    throw error
  }
}

const opts = (as: Subject) => ({
  overrideAccess: false,
  user: as as PayloadRequest['user'],
  depth: 0,
})

const findById =
  (collection: Parameters<Payload['find']>[0]['collection'], id: number) => async (as: Subject) => {
    const { docs } = await payload.find({ collection, where: { id: { equals: id } }, ...opts(as) })
    return docs.length === 1
  }

type Row = { collection: string; operation: string; allowed: readonly Actor[]; attempt: Attempt }

const rows = (): Row[] => [
  ...CONTENT_SLUGS.flatMap((collection): Row[] => [
    {
      collection,
      operation: 'create',
      allowed: CONTENT_TEAM,
      attempt: (as) =>
        payload.create({ collection, data: contentData(collection) as never, ...opts(as) }),
    },
    {
      collection,
      operation: 'read published',
      allowed: ALL,
      attempt: (as) => findById(collection, targets.published[collection])(as),
    },
    ...(DRAFT_SLUGS.includes(collection)
      ? [
          {
            collection,
            operation: 'read draft',
            allowed: STAFF,
            attempt: (as: Subject) =>
              findById(collection, targets.drafts[collection] as number)(as),
          },
        ]
      : []),
    {
      collection,
      operation: 'update',
      allowed: CONTENT_TEAM,
      attempt: (as) =>
        payload.update({
          collection,
          id: targets.published[collection],
          data: { title: 'Edited title' },
          ...opts(as),
        }),
    },
    {
      collection,
      operation: 'delete',
      allowed: ['admin'],
      attempt: async (as) => {
        const { id } = await payload.create({
          collection,
          data: contentData(collection) as never,
          overrideAccess: true,
        })
        return payload.delete({ collection, id, ...opts(as) })
      },
    },
  ]),
  // No published document uses this image: staff only (test/media covers publishing).
  {
    collection: 'media',
    operation: 'read a file no published document uses',
    allowed: STAFF,
    attempt: (as) => findById('media', targets.media)(as),
  },
  {
    collection: 'media',
    operation: 'update',
    allowed: CONTENT_TEAM,
    attempt: (as) =>
      payload.update({
        collection: 'media',
        id: targets.media,
        data: { alt: 'New alt text' },
        ...opts(as),
      }),
  },
  {
    collection: 'members',
    operation: 'create',
    allowed: CONTENT_TEAM,
    attempt: (as) =>
      payload.create({
        collection: 'members',
        data: {
          name: 'New member',
          email: `new-${Math.random()}@example.org`,
          password: 'a-long-password',
          profession: 'doctor',
          region: 'london',
        },
        ...opts(as),
      }),
  },
  {
    collection: 'members',
    operation: 'read a directory-visible member',
    allowed: ALL,
    attempt: (as) => findById('members', (actors.otherMember as MemberUser).id)(as),
  },
  {
    collection: 'members',
    operation: 'read an opted-out member (the member themself)',
    allowed: ['member', ...STAFF],
    attempt: (as) => findById('members', (actors.member as MemberUser).id)(as),
  },
  {
    collection: 'members',
    operation: "read a member's email",
    allowed: ['member', ...STAFF],
    attempt: async (as) => {
      const { docs } = await payload.find({
        collection: 'members',
        where: { id: { equals: (actors.member as MemberUser).id } },
        ...opts(as),
        showHiddenFields: false,
      })
      return typeof docs[0]?.email === 'string'
    },
  },
  {
    collection: 'members',
    operation: "update a member's profile (the member themself)",
    allowed: ['member', ...CONTENT_TEAM],
    attempt: (as) =>
      payload.update({
        collection: 'members',
        id: (actors.member as MemberUser).id,
        data: { bio: 'Updated bio' },
        ...opts(as),
      }),
  },
  {
    collection: 'members',
    operation: 'delete',
    allowed: ['admin'],
    attempt: async (as) => {
      const victim = await createMember(payload)
      return payload.delete({ collection: 'members', id: victim.id, ...opts(as) })
    },
  },
  {
    collection: 'users',
    operation: 'create',
    allowed: ['admin'],
    attempt: (as) =>
      payload.create({
        collection: 'users',
        data: {
          name: 'New staff',
          email: `staff-${Math.random()}@example.org`,
          password: 'a-long-password',
          roles: ['editor'],
        },
        ...opts(as),
      }),
  },
  {
    collection: 'users',
    operation: 'read staff accounts',
    allowed: STAFF,
    attempt: (as) => findById('users', targets.staffTarget.id)(as),
  },
  {
    collection: 'users',
    operation: "update another staff member's account",
    allowed: ['admin'],
    attempt: (as) =>
      payload.update({
        collection: 'users',
        id: targets.staffTarget.id,
        data: { name: 'Renamed' },
        ...opts(as),
      }),
  },
  {
    collection: 'users',
    operation: 'grant themself the admin role',
    allowed: ['admin'],
    attempt: async (as) => {
      if (!as) return false
      // Anyone who can update their own account may try; only an admin's change of roles sticks.
      const updated = await payload.update({
        collection: 'users',
        id: as.id,
        data: { roles: ['admin'] },
        ...opts(as),
      })
      return (updated as StaffUser).roles?.includes('admin') ?? false
    },
  },
  {
    collection: 'subscribers',
    operation: 'read',
    allowed: ['admin'],
    attempt: (as) => findById('subscribers', targets.subscriber)(as),
  },
  {
    collection: 'subscribers',
    operation: 'create (only through the subscribe endpoints)',
    allowed: [],
    attempt: (as) =>
      payload.create({
        collection: 'subscribers',
        data: {
          email: `s-${Math.random()}@example.org`,
          frequency: 'instant',
          status: 'confirmed',
        },
        ...opts(as),
      }),
  },
  {
    collection: 'subscribers',
    operation: 'update (an admin re-enabling a suppressed address)',
    allowed: ['admin'],
    attempt: (as) =>
      payload.update({
        collection: 'subscribers',
        id: targets.subscriber,
        data: { status: 'confirmed' },
        ...opts(as),
      }),
  },
  {
    collection: 'subscribers',
    operation: 'delete',
    allowed: ['admin'],
    attempt: async (as) => {
      const victim = await createSubscriber(payload, {
        email: `victim-${Math.random()}@example.org`,
        topics: ['blogs'],
      })
      return payload.delete({ collection: 'subscribers', id: victim.id, ...opts(as) })
    },
  },
  {
    collection: 'subscription-mailings',
    operation: 'read',
    allowed: ['admin'],
    attempt: (as) => findById('subscription-mailings', targets.mailing)(as),
  },
  {
    collection: 'subscription-mailings',
    operation: 'update',
    allowed: [],
    attempt: (as) =>
      payload.update({
        collection: 'subscription-mailings',
        id: targets.mailing,
        data: { status: 'done' },
        ...opts(as),
      }),
  },
  {
    collection: 'subscription-mailings',
    operation: 'delete (the record that a publication was announced)',
    allowed: [],
    attempt: (as) =>
      payload.delete({ collection: 'subscription-mailings', id: targets.mailing, ...opts(as) }),
  },
  {
    collection: 'subscription-deliveries',
    operation: 'read',
    allowed: ['admin'],
    attempt: (as) => findById('subscription-deliveries', targets.delivery)(as),
  },
  {
    collection: 'events',
    operation: 'read onlineUrl (members-only field)',
    allowed: ['member', 'otherMember', ...STAFF],
    attempt: async (as) => {
      const { docs } = await payload.find({
        collection: 'events',
        where: { id: { equals: targets.published.events } },
        ...opts(as),
      })
      return typeof docs[0]?.onlineUrl === 'string'
    },
  },
]

beforeAll(async () => {
  payload = await startPayload('access')
  actors.anonymous = undefined
  actors.admin = await createStaff(payload, 'admin')
  actors.editor = await createStaff(payload, 'editor')
  actors.moderator = await createStaff(payload, 'moderator')
  actors.member = await createMember(payload, { directoryVisible: false })
  actors.otherMember = await createMember(payload)
  const published = {} as Record<ContentSlug, number>
  const drafts: Partial<Record<ContentSlug, number>> = {}
  for (const collection of CONTENT_SLUGS) {
    published[collection] = (
      await payload.create({
        collection,
        data: contentData(collection) as never,
        overrideAccess: true,
      })
    ).id
    if (DRAFT_SLUGS.includes(collection)) {
      drafts[collection] = (
        await payload.create({
          collection,
          data: contentData(collection, false) as never,
          draft: true,
          overrideAccess: true,
        })
      ).id
    }
  }
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'A test image' },
    file: { data: PNG_1x1, mimetype: 'image/png', name: 'pixel.png', size: PNG_1x1.length },
    overrideAccess: true,
  })
  const subscriber = await createSubscriber(payload, {
    email: 'access-table@example.org',
    topics: ['blogs'],
  })
  // Publishing above recorded the announcements; one delivery row stands for the sent ones.
  const mailing = (
    await payload.find({ collection: 'subscription-mailings', limit: 1, overrideAccess: true })
  ).docs[0]
  const delivery = await payload.create({
    collection: 'subscription-deliveries',
    data: {
      key: `${mailing?.key}:${subscriber.id}`,
      mailing: String(mailing?.key),
      subscriberId: String(subscriber.id),
      status: 'sent',
    },
    overrideAccess: true,
  })
  targets = {
    published,
    drafts,
    media: image.id,
    staffTarget: await createStaff(payload, 'editor'),
    subscriber: subscriber.id,
    mailing: mailing?.id as number,
    delivery: delivery.id,
  }
})

afterAll(() => stopPayload(payload))

// A valid 1×1 PNG, so media rows exist without fixture files.

describe.each(rows().map((row) => [`${row.collection}: ${row.operation}`, row] as const))(
  '%s',
  (_name, row) => {
    test.each(ACTORS.map((actor) => [actor, row.allowed.includes(actor)] as const))(
      '%s → allowed: %s',
      async (actor, expected) => {
        await expect(allowed(row.attempt, actors[actor])).resolves.toBe(expected)
      },
    )
  },
)

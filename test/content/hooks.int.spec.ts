/**
 * Collection behaviour through the Local API: generated slugs, publishedAt, first user, the seed.
 */
import { commitTransaction, createLocalReq, initTransaction, type Payload } from 'payload'

import { inSavepoint } from '@/db/inSavepoint'
import { inTransaction } from '@/db/inTransaction'
import { seed } from '@/seed'

import { createStaff } from '../helpers/fixtures'
import { startPayload, stopPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload('content')
})

afterAll(() => stopPayload(payload))

describe('users', () => {
  test('the first staff account becomes admin whatever it asked for; later ones keep their role', async () => {
    const first = await payload.create({
      collection: 'users',
      data: {
        name: 'First',
        email: 'first@staff.example.org',
        password: 'first-password',
        roles: ['moderator'],
      },
      overrideAccess: true,
    })
    expect(first.roles).toEqual(['admin'])
    const second = await createStaff(payload, 'moderator')
    expect(second.roles).toEqual(['moderator'])
  })
})

describe('slugs and publishedAt', () => {
  test('a slug is generated from the title when empty', async () => {
    const blog = await payload.create({
      collection: 'blogs',
      data: { title: 'What’s next for the Q Lab?', slug: '', _status: 'published' },
      overrideAccess: true,
    })
    expect(blog.slug).toBe('whats-next-for-the-q-lab')
  })

  test('publishedAt is stamped on first publish, not on a draft, and never overwritten', async () => {
    const draft = await payload.create({
      collection: 'interviews',
      data: { title: 'Draft interview', _status: 'draft' },
      draft: true,
      overrideAccess: true,
    })
    expect(draft.publishedAt).toBeFalsy()
    const published = await payload.update({
      collection: 'interviews',
      id: draft.id,
      data: { _status: 'published' },
      overrideAccess: true,
    })
    expect(published.publishedAt).toEqual(expect.any(String))
    const edited = await payload.update({
      collection: 'interviews',
      id: draft.id,
      data: { summary: 'Edited later' },
      overrideAccess: true,
    })
    expect(edited.publishedAt).toBe(published.publishedAt)
  })

  test('an editor may backdate publishedAt', async () => {
    const blog = await payload.create({
      collection: 'blogs',
      data: {
        title: 'Backdated',
        slug: '',
        publishedAt: '2017-03-01T09:00:00.000Z',
        _status: 'published',
      },
      overrideAccess: true,
    })
    expect(blog.publishedAt).toBe('2017-03-01T09:00:00.000Z')
  })
})

describe('demo seed', () => {
  test('loads the demo content once; a second run adds nothing', async () => {
    const lines: string[] = []
    const first = await seed(payload, (line) => lines.push(line))
    expect(first.created).toBeGreaterThanOrEqual(20)
    expect(
      lines.some((line) => /\[seed\] \d+\/\d+ member Carolyn Johnston: created/.test(line)),
    ).toBe(true)
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          (
            [
              'blogs',
              'interviews',
              'events',
              'lab-themes',
              'evaluation-reports',
              'members',
              'media',
              'users',
              'subscribers',
            ] as const
          ).map(
            async (collection) =>
              [
                collection,
                (await payload.count({ collection, overrideAccess: true })).totalDocs,
              ] as const,
          ),
        ),
      )
    const before = await counts()
    const second = await seed(payload, () => undefined)
    expect(second.created).toBe(0)
    expect(await counts()).toEqual(before)
    expect(before.members).toBe(12)
    expect(before.events).toBe(3)
    expect(before.subscribers).toBe(15)
    const thread = await payload.find({
      collection: 'comments',
      where: { status: { equals: 'approved' } },
      overrideAccess: true,
    })
    expect(thread.totalDocs).toBe(2)
    expect(thread.docs.some((comment) => comment.parent)).toBe(true)
  })

  test('the interview is with the anaesthetist, the Lab theme and the RAND Europe report are there', async () => {
    const interview = await payload.find({
      collection: 'interviews',
      where: { slug: { equals: 'interview-carolyn-johnston' } },
      depth: 1,
      overrideAccess: true,
    })
    expect(interview.docs[0]?.intervieweeRole).toBe('Consultant anaesthetist')
    const theme = await payload.find({
      collection: 'lab-themes',
      where: { title: { equals: 'Empowering people to manage their own health and care needs' } },
      overrideAccess: true,
    })
    expect(theme.totalDocs).toBe(1)
    const report = await payload.find({
      collection: 'evaluation-reports',
      where: { authorsOrganisation: { equals: 'RAND Europe' } },
      depth: 1,
      overrideAccess: true,
    })
    expect((report.docs[0]?.reportFile as { mimeType?: string } | undefined)?.mimeType).toBe(
      'application/pdf',
    )
    const events = await payload.find({
      collection: 'events',
      sort: 'startsAt',
      overrideAccess: true,
    })
    expect(events.docs.every((event) => new Date(event.startsAt).getUTCMonth() === 2)).toBe(true)
  })
})

describe('side work of a write in a savepoint (inSavepoint)', () => {
  test('a failed statement in the side work leaves the save to commit (PostgreSQL aborts the whole transaction otherwise)', async () => {
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const title = 'Saved despite a failing side effect'
    const theme = await payload.create({
      collection: 'lab-themes',
      data: { title, slug: 'saved-despite-a-failing-side-effect', year: 2031, status: 'open' },
      overrideAccess: true,
      req,
    })
    // A real failed statement: a second row with the same primary key.
    await expect(
      inSavepoint(req, () =>
        payload.db.create({
          collection: 'lab-themes',
          data: { id: theme.id, title, slug: theme.slug, year: 2031, status: 'open' },
          req,
        }),
      ),
    ).rejects.toThrow()
    // Still usable afterwards: the next statement in the same transaction runs.
    expect((await payload.findByID({ collection: 'lab-themes', id: theme.id, req })).title).toBe(
      title,
    )
    await commitTransaction(req)
    expect((await payload.findByID({ collection: 'lab-themes', id: theme.id })).title).toBe(title)
  })
})

describe('one transaction for several writes (inTransaction)', () => {
  test('a failure after several writes leaves none of them, on SQLite as on PostgreSQL', async () => {
    const req = await createLocalReq({}, payload)
    const slugs = ['rolled-back-first', 'rolled-back-second']
    await expect(
      inTransaction(req, async () => {
        for (const [index, slug] of slugs.entries())
          await payload.create({
            collection: 'lab-themes',
            data: { title: `Rolled back ${index}`, slug, year: 2032, status: 'open' },
            overrideAccess: true,
            req,
          })
        // Seen inside the transaction…
        expect(
          (await payload.count({ collection: 'lab-themes', where: { slug: { in: slugs } }, req }))
            .totalDocs,
        ).toBe(2)
        throw new Error('a later step failed')
      }),
    ).rejects.toThrow('a later step failed')
    // …and gone after it.
    expect(
      (await payload.count({ collection: 'lab-themes', where: { slug: { in: slugs } } })).totalDocs,
    ).toBe(0)
    expect(req.transactionID).toBeUndefined()

    const kept = await inTransaction(req, () =>
      payload.create({
        collection: 'lab-themes',
        data: { title: 'Committed', slug: 'committed-in-one', year: 2032, status: 'open' },
        overrideAccess: true,
        req,
      }),
    )
    expect((await payload.findByID({ collection: 'lab-themes', id: kept.id })).slug).toBe(
      'committed-in-one',
    )
  })
})

/**
 * Announcements of first publications, on the CMS's own config through the Local API, with a real
 * SMTP server receiving the emails: who gets one, when, and never twice.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'

import { runMailingByKey, subscriptionOptionsOf } from '@plugins/email-subscriptions'
import { deliveryStoreFor } from '@plugins/email-subscriptions/utilities/deliveryStore'
import type { Payload } from 'payload'

import { SEED_CONTEXT } from '@/seed'

import { createContent } from '../helpers/fixtures'
import { startPayload, stopPayload } from '../helpers/payload'
import { startSmtpServer } from '../helpers/smtpServer'
import { createSubscriber, subscriberOfToken } from '../helpers/subscribers'

let payload: Payload
let smtp: Awaited<ReturnType<typeof startSmtpServer>>

const FRONTEND = 'https://q-frontend.example.org'
const isAnnouncement = (title: string) => (message: { subject: string }) =>
  message.subject === `New on Q: ${title}`
const recipientsOf = (title: string) =>
  smtp.messages
    .filter(isAnnouncement(title))
    .flatMap((message) => message.to)
    .sort()
const runQueue = async () => {
  // Until nothing is left: a send job, then nothing.
  for (let i = 0; i < 5; i++) {
    const result = await payload.jobs.run({ queue: 'subscriptions', limit: 50 })
    if (!result.remainingJobsFromQueried && result.noJobsRemaining) break
  }
}
const mailings = async () =>
  (
    await payload.find({
      collection: 'subscription-mailings',
      pagination: false,
      overrideAccess: true,
    })
  ).docs

beforeAll(async () => {
  smtp = await startSmtpServer()
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String(smtp.port)
  process.env.EMAIL_FROM = 'updates@q.example.org'
  process.env.FRONTEND_URL = FRONTEND
  payload = await startPayload('publication')
  await createSubscriber(payload, {
    email: 'instant-blogs@example.org',
    topics: ['blogs', 'interviews'],
  })
  await createSubscriber(payload, {
    email: 'weekly-blogs@example.org',
    topics: ['blogs'],
    frequency: 'weekly',
  })
  await createSubscriber(payload, {
    email: 'pending-blogs@example.org',
    topics: ['blogs'],
    status: 'pending',
  })
  await createSubscriber(payload, {
    email: 'unsubscribed-blogs@example.org',
    topics: ['blogs'],
    status: 'unsubscribed',
  })
  await createSubscriber(payload, {
    email: 'suppressed-blogs@example.org',
    topics: ['blogs'],
    status: 'suppressed',
  })
  await createSubscriber(payload, { email: 'instant-events@example.org', topics: ['events'] })
}, 60_000)

afterAll(async () => {
  await stopPayload(payload)
  await smtp?.stop()
  delete process.env.SMTP_HOST
})

test('a blog created published reaches exactly the confirmed instant subscribers of blogs, once', async () => {
  const blog = await createContent(payload, 'blogs', {
    data: { excerpt: 'What <we> learnt & why' },
  })
  await runQueue()
  expect(recipientsOf(blog.title)).toEqual(['instant-blogs@example.org'])

  const email = smtp.messages.find(isAnnouncement(blog.title))
  expect(email?.from).toBe('updates@q.example.org')
  expect(email?.text).toContain('What <we> learnt & why')
  expect(email?.html).toContain('What &lt;we&gt; learnt &amp; why')
  expect(email?.html).toContain(`${FRONTEND}/blogs/${blog.slug}`)
  expect(email?.rawHeaders['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')
  const token =
    /unsubscribe\?token=([A-Za-z0-9_-]{43})>/.exec(
      email?.rawHeaders['list-unsubscribe'] ?? '',
    )?.[1] ?? ''
  expect((await subscriberOfToken(payload, token))?.email).toBe('instant-blogs@example.org')
  // The body's preferences link carries the same subscriber's token.
  expect(email?.html).toContain(`/api/subscribers/preferences?token=${token}`)

  const [mailing] = (await mailings()).filter((doc) => doc.documentId === String(blog.id))
  expect(mailing).toMatchObject({
    kind: 'publication',
    status: 'done',
    sent: 1,
    failed: 0,
    topic: 'blogs',
  })

  // Running the mailing again (a retry, a second worker) sends nothing more.
  await runMailingByKey(payload, subscriptionOptionsOf(payload), mailing?.key ?? '')
  expect(recipientsOf(blog.title)).toHaveLength(1)
})

test('drafts announce nothing; the first publish does; later edits, unpublish and republish do not', async () => {
  const draft = await createContent(payload, 'blogs', { published: false })
  await runQueue()
  expect((await mailings()).some((doc) => doc.documentId === String(draft.id))).toBe(false)

  await payload.update({
    collection: 'blogs',
    id: draft.id,
    data: { _status: 'published' },
    overrideAccess: true,
  })
  await payload.update({
    collection: 'blogs',
    id: draft.id,
    data: { excerpt: 'Edited after publication' },
    overrideAccess: true,
  })
  await payload.update({
    collection: 'blogs',
    id: draft.id,
    data: { _status: 'draft' },
    overrideAccess: true,
  })
  await payload.update({
    collection: 'blogs',
    id: draft.id,
    data: { _status: 'published' },
    overrideAccess: true,
  })
  await runQueue()
  expect(recipientsOf(draft.title)).toEqual(['instant-blogs@example.org'])
  expect((await mailings()).filter((doc) => doc.documentId === String(draft.id))).toHaveLength(1)
})

test('a scheduled publish firing announces the document', async () => {
  const draft = await createContent(payload, 'blogs', { published: false })
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'blogs', value: draft.id } },
    waitUntil: new Date(Date.now() - 1000),
  })
  await payload.jobs.run({ queue: 'default' })
  expect(
    (await payload.findByID({ collection: 'blogs', id: draft.id, overrideAccess: true }))._status,
  ).toBe('published')
  await runQueue()
  expect(recipientsOf(draft.title)).toEqual(['instant-blogs@example.org'])
})

test('collections without drafts announce on creation, to that topic only', async () => {
  const event = await createContent(payload, 'events')
  await runQueue()
  expect(recipientsOf(event.title)).toEqual(['instant-events@example.org'])
})

test('seeded content is not announced', async () => {
  const blog = await createContent(payload, 'blogs', { context: SEED_CONTEXT })
  await runQueue()
  expect((await mailings()).some((doc) => doc.documentId === String(blog.id))).toBe(false)
})

test('two workers on the same mailing send each email once', async () => {
  for (let i = 0; i < 40; i++)
    await createSubscriber(payload, { email: `many-${i}@example.org`, topics: ['interviews'] })
  const interview = await createContent(payload, 'interviews')
  const [mailing] = (await mailings()).filter((doc) => doc.documentId === String(interview.id))
  const options = { ...subscriptionOptionsOf(payload), batchSize: 7 }
  await Promise.all([
    runMailingByKey(payload, options, mailing?.key ?? ''),
    runMailingByKey(payload, options, mailing?.key ?? ''),
  ])
  await runQueue()
  const recipients = recipientsOf(interview.title)
  expect(recipients).toHaveLength(41)
  expect(new Set(recipients).size).toBe(41)
})

test('npm run digest sends the weekly digest from the command line, with progress', async () => {
  const root = path.resolve(import.meta.dirname, '..', '..')
  // Asynchronously: the SMTP server in this process must keep answering while the script runs.
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve) => {
      const child = execFile(
        process.execPath,
        [path.join(root, 'dist', 'digest.mjs')],
        { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 },
        (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
      )
    },
  )
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  expect(result.stdout).toMatch(/\[digest\] publications from \S+ to \S+/)
  expect(result.stdout).toContain('[digest] 1/1 emails')
  expect(result.stdout).toContain('[digest] 1 sent.')
  const digests = smtp.messages.filter((message) => message.subject.startsWith('This week on Q'))
  expect(digests.map((message) => message.to)).toEqual([['weekly-blogs@example.org']])
  // The three blogs announced above (not the seeded one, not the event or the interview).
  expect(digests[0]?.subject).toBe('This week on Q: 3 new publications')
})

test('delivery records past retention are deleted; claims in progress are kept', async () => {
  const store = deliveryStoreFor(payload)
  await payload.create({
    collection: 'subscription-deliveries',
    data: {
      key: 'publication:blogs:0:1',
      mailing: 'publication:blogs:0',
      subscriberId: '1',
      status: 'claimed',
    },
    overrideAccess: true,
  })
  const before = await payload.count({
    collection: 'subscription-deliveries',
    overrideAccess: true,
  })
  expect(await store.purgeBefore(new Date(Date.now() - 86_400_000))).toBe(0)
  expect(await store.purgeBefore(new Date(Date.now() + 1000))).toBe(before.totalDocs - 1)
  const left = await payload.find({ collection: 'subscription-deliveries', overrideAccess: true })
  expect(left.docs.map((doc) => doc.status)).toEqual(['claimed'])
})

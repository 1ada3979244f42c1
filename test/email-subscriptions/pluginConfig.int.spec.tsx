/**
 * The subscriptions plugin on its own minimal Payload config (no CMS collections, no express), with
 * the extension points as plugins/README.md documents them: the host's own transport, a template of
 * its own, and an audience rule narrowing a publication to one region.
 */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import {
  createDigestNow,
  emailSubscriptions,
  type EmailSubscriptionsOptions,
  runMailingByKey,
  subscriptionOptionsOf,
  type SubscriptionTemplates,
  type SubscriptionTransport,
} from '@plugins/email-subscriptions'
import { newManageCredentials } from '@plugins/email-subscriptions/utilities/tokens'
import { render } from '@react-email/render'
import { createTransport } from 'nodemailer'
import { buildConfig, getPayload, type Payload } from 'payload'

import { closeDatabase } from '@/db/closeDatabase'

import { startSmtpServer } from '../helpers/smtpServer'

let smtp: Awaited<ReturnType<typeof startSmtpServer>>

// --- The worked example from plugins/README.md ---------------------------------------------------
/** The host's own pooled transport (here: counting what goes through it). */
const sentThroughHost: string[] = []
const hostTransport = (port: number): SubscriptionTransport => {
  const pooled = createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxMessages: 1000,
  })
  return {
    sendMail: async (message) => {
      sentThroughHost.push(message.to)
      return pooled.sendMail(message)
    },
  }
}

/** A publication email in the regional network's own words; React escapes every value. */
const regionalPublication: SubscriptionTemplates['publication'] = async ({
  title,
  excerpt,
  url,
  topicLabel,
  unsubscribeURL,
}) => {
  const html = await render(
    <div>
      <h1>{title}</h1>
      <p>{excerpt}</p>
      <a href={url}>Read the {topicLabel.toLowerCase()}</a>
      <p>
        <a href={unsubscribeURL}>Stop these emails</a>
      </p>
    </div>,
  )
  return {
    subject: `[Q North] ${title}`,
    html,
    text: `${title}\n\n${excerpt}\n\nRead it: ${url}\n\nStop these emails: ${unsubscribeURL}`,
  }
}

/** A post with a region goes to members of that region only; posts without one go to everyone. */
const sameRegion: EmailSubscriptionsOptions['audience'] = ({ doc }) =>
  typeof doc.region === 'string' ? { 'member.region': { equals: doc.region } } : undefined
// -------------------------------------------------------------------------------------------------

let payload: Payload
type LooseDoc = { id: number; [key: string]: unknown }
const createLoose = (collection: string, data: Record<string, unknown>) =>
  payload.create({
    collection: collection as never,
    data: data as never,
    overrideAccess: true,
  }) as unknown as Promise<LooseDoc>

const subscriber = async (email: string, frequency: 'instant' | 'weekly', region?: string) => {
  const member = region
    ? await createLoose('people', { email, password: 'person-password', region })
    : undefined
  const { manageKey, manageTokenHash } = newManageCredentials(payload.secret)
  return createLoose('subscribers', {
    email,
    member: member?.id,
    topics: ['posts'],
    frequency,
    status: 'confirmed',
    manageKey,
    manageTokenHash,
  })
}

const received = (subject: string) =>
  smtp.messages
    .filter((message) => message.subject === subject)
    .flatMap((message) => message.to)
    .sort()

const runQueue = () => payload.jobs.run({ queue: 'regional-updates', limit: 50 })

beforeAll(async () => {
  smtp = await startSmtpServer()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'q-cms-subscriptions-plugin-'))
  const config = buildConfig({
    secret: 'subscriptions-plugin-test-secret',
    serverURL: 'http://127.0.0.1:9',
    db: sqliteAdapter({ client: { url: `file:${path.join(dir, 'plugin.db')}` } }),
    admin: { user: 'staff' },
    telemetry: false,
    // Payload's default spawns `payload generate:types` on init, a child process that outlives the test.
    typescript: { autoGenerate: false },
    collections: [
      { slug: 'staff', auth: true, fields: [] },
      { slug: 'people', auth: true, fields: [{ name: 'region', type: 'text' }] },
      {
        slug: 'posts',
        access: { read: () => true },
        fields: [
          { name: 'title', type: 'text' },
          { name: 'summary', type: 'textarea' },
          { name: 'region', type: 'text' },
        ],
      },
    ],
    plugins: [
      emailSubscriptions({
        topics: ['posts'],
        topicLabels: { posts: 'Post' },
        serverURL: 'https://cms.q-north.example.org',
        frontendURL: { posts: (doc) => `https://q-north.example.org/p/${String(doc.id)}` },
        from: 'Q North <north@q.example.org>',
        memberCollection: 'people',
        isAdmin: (user) => (user?.collection as string | undefined) === 'staff',
        transport: hostTransport(smtp.port),
        templates: { publication: regionalPublication },
        audience: sameRegion,
        batchSize: 2,
        queue: { name: 'regional-updates' },
      }),
    ],
  })
  payload = await getPayload({ config, key: 'subscriptions-plugin-test' })
  await subscriber('north-instant@example.org', 'instant', 'north')
  await subscriber('south-instant@example.org', 'instant', 'south')
  await subscriber('guest-instant@example.org', 'instant')
  await subscriber('north-weekly@example.org', 'weekly', 'north')
  await subscriber('south-weekly@example.org', 'weekly', 'south')
}, 60_000)

afterAll(async () => {
  if (payload) await closeDatabase(payload)
  await smtp?.stop()
})

test('the plugin adds its collections, tasks and endpoints to a host config', () => {
  expect(Object.keys(payload.collections)).toEqual(
    expect.arrayContaining(['subscribers', 'subscription-mailings', 'subscription-deliveries']),
  )
  expect(payload.config.jobs.tasks?.map((task) => task.slug)).toEqual(
    expect.arrayContaining(['subscriptionsSendMailing', 'subscriptionsMaintenance']),
  )
  const endpoints = payload.collections.subscribers?.config.endpoints || []
  expect(endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual(
    expect.arrayContaining([
      'post /subscribe',
      'get /confirm',
      'post /confirm',
      'post /unsubscribe',
      'patch /preferences',
      'get /me',
      'post /bounce',
      'post /digest',
    ]),
  )
  expect(subscriptionOptionsOf(payload)).toMatchObject({
    batchSize: 2,
    tokenLifetimeDays: 7,
    digest: { cron: '0 8 * * 1', timeZone: 'Europe/London' },
  })
})

test("an audience rule narrows a publication; the host's template and transport carry it", async () => {
  const regional = await createLoose('posts', {
    title: 'Flow in northern EDs',
    summary: 'What <three> trusts tried',
    region: 'north',
  })
  await createLoose('posts', { title: 'A national webinar', summary: 'For all regions' })
  await runQueue()
  expect(received('[Q North] Flow in northern EDs')).toEqual(['north-instant@example.org'])
  expect(received('[Q North] A national webinar')).toEqual([
    'guest-instant@example.org',
    'north-instant@example.org',
    'south-instant@example.org',
  ])
  expect(sentThroughHost).toHaveLength(4)

  const email = smtp.messages.find(
    (message) => message.subject === '[Q North] Flow in northern EDs',
  )
  expect(email?.from).toBe('north@q.example.org')
  expect(email?.html).toContain('What &lt;three&gt; trusts tried')
  expect(email?.html).toContain(`https://q-north.example.org/p/${regional.id}`)
  expect(email?.html).toMatch(
    /https:\/\/cms\.q-north\.example\.org\/api\/subscribers\/unsubscribe\?token=[A-Za-z0-9_-]{43}/,
  )
  expect(email?.rawHeaders['list-unsubscribe']).toMatch(
    /^<https:\/\/cms\.q-north\.example\.org\/api\/subscribers\/unsubscribe\?token=[A-Za-z0-9_-]{43}>$/,
  )
})

test('the digest applies the audience per item, with the default digest template', async () => {
  const mailing = await createDigestNow(payload, subscriptionOptionsOf(payload), false)
  await runMailingByKey(payload, subscriptionOptionsOf(payload), mailing.key)
  expect(received('This week on Q: 2 new publications')).toEqual(['north-weekly@example.org'])
  expect(received('This week on Q: 1 new publication')).toEqual(['south-weekly@example.org'])
  const south = smtp.messages.find((message) => message.to.includes('south-weekly@example.org'))
  expect(south?.text).toContain('A national webinar')
  expect(south?.text).not.toContain('Flow in northern EDs')
})

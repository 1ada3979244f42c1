/**
 * The plugin on its own minimal Payload config (no CMS collections, no express): many options set,
 * the extension points exercised as plugins/README.md documents them, and the scheduled tasks.
 */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { jest } from '@jest/globals'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import {
  commentModeration,
  type CommentRule,
  type DecisionEvent,
} from '@plugins/comment-moderation'
import { buildConfig, type Field, getPayload, type Payload, type PayloadRequest } from 'payload'

import { closeDatabase } from '@/db/closeDatabase'

import { startSmtpServer } from '../helpers/smtpServer'

// --- The worked example from plugins/README.md ---------------------------------------------------
/** A host's own rule: an (imaginary) spam classifier, async like a real HTTP call would be. */
const spamClassifier: CommentRule = {
  name: 'spam-classifier',
  order: 15, // after blocked terms (10), before the patient-data guard (20)
  run: async ({ body }) => {
    const score = await Promise.resolve(/casino|viagra/i.test(body) ? 0.99 : 0.01)
    return score > 0.9
      ? { status: 'spam', rule: 'spam-classifier', clause: '2', detail: `score ${score}` }
      : null
  },
}
const decisions: Omit<DecisionEvent, 'req'>[] = []
/** Set by a host hook added through `commentsOverrides`: the plugin's hooks ran before it. */
const hostHookSaw: unknown[] = []
const recordDecision = ({ req: _req, ...event }: DecisionEvent) => {
  decisions.push(event)
}
// -------------------------------------------------------------------------------------------------

let payload: Payload
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let postId: number
let memberUser: PayloadRequest['user']

const asMember = () => ({ user: memberUser, overrideAccess: false })
/** Polls until `check` holds (emails are sent after the write, without holding up its response). */
const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

// This config's slugs are not in the CMS's generated types: these helpers keep the casts in one place.
type LooseDoc = { id: number; [key: string]: unknown }
const createLoose = (collection: string, data: Record<string, unknown>) =>
  payload.create({
    collection: collection as never,
    data: data as never,
    overrideAccess: true,
  }) as unknown as Promise<LooseDoc>
const queueTask = (task: string) => payload.jobs.queue({ task: task as never, input: {} as never })
const fieldNames = (slug: string) =>
  (payload.collections as unknown as Record<string, { config: { fields: Field[] } }>)[
    slug
  ].config.fields.map((field) => ('name' in field ? field.name : ''))

beforeAll(async () => {
  smtp = await startSmtpServer()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'q-cms-plugin-'))
  const config = buildConfig({
    secret: 'plugin-test-secret',
    serverURL: 'http://127.0.0.1:9',
    db: sqliteAdapter({ client: { url: `file:${path.join(dir, 'plugin.db')}` } }),
    email: nodemailerAdapter({
      defaultFromAddress: 'plugin@example.org',
      defaultFromName: 'Plugin test',
      skipVerify: true,
      transportOptions: { host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true },
    }),
    admin: { user: 'staff' },
    telemetry: false,
    // Payload's default spawns `payload generate:types` on init, a child process that outlives the test.
    typescript: { autoGenerate: false },
    collections: [
      {
        slug: 'staff',
        auth: true,
        fields: [{ name: 'roles', type: 'select', hasMany: true, options: ['admin', 'moderator'] }],
      },
      { slug: 'people', auth: true, fields: [{ name: 'name', type: 'text' }] },
      {
        slug: 'posts',
        versions: { drafts: true },
        access: { read: () => true },
        fields: [
          { name: 'title', type: 'text' },
          { name: 'publishedAt', type: 'date' },
        ],
      },
    ],
    plugins: [
      commentModeration({
        collections: ['posts'],
        authorCollection: 'people',
        staffCollection: 'staff',
        maxReplyDepth: 2,
        clientDataRetentionDays: 1,
        isModerator: (user) => (user?.collection as string | undefined) === 'staff',
        clientAddress: () => '192.0.2.10',
        rules: [spamClassifier],
        onDecision: recordDecision,
        moderatorEmails: async () => ['mods@example.org'],
        commentsOverrides: ({ defaultFields }) => ({
          fields: [...defaultFields, { name: 'hostNote', type: 'text' }],
          hooks: { beforeValidate: [({ data }) => (hostHookSaw.push(data?.status), data)] },
        }),
        commentDecisionsOverrides: () => ({ admin: { group: 'Moderation log' } }),
      }),
    ],
  })
  payload = await getPayload({ config, key: 'comment-plugin-test' })
  await payload.updateGlobal({
    slug: 'comment-policy',
    data: { floodIntervalSeconds: 0, heldTerms: ['lawsuit'] },
    overrideAccess: true,
  })
  postId = (await createLoose('posts', { title: 'A post', _status: 'published' })).id
  const person = await createLoose('people', {
    email: 'person@example.org',
    password: 'person-password',
    name: 'Pat Person',
  })
  memberUser = { ...person, collection: 'people' } as unknown as PayloadRequest['user']
})

afterAll(async () => {
  if (payload) await closeDatabase(payload)
  await smtp?.stop()
})

const comment = (body: string, extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'comments',
    data: {
      target: { relationTo: 'posts', value: postId },
      body,
      policyAccepted: true,
      ...extra,
    } as never,
    ...asMember(),
  })

test('the plugin adds its collections, global and fields to a host config', () => {
  expect(payload.collections.comments).toBeDefined()
  expect(payload.collections['comment-decisions']).toBeDefined()
  expect(payload.globals.config.map((global) => global.slug)).toContain('comment-policy')
  expect(fieldNames('posts')).toContain('commentsEnabled')
  expect(fieldNames('people')).toContain('commenting')
})

test("collection overrides add fields and hooks; the plugin's hooks run first", async () => {
  expect(fieldNames('comments')).toEqual(expect.arrayContaining(['body', 'status', 'hostNote']))
  expect(payload.collections['comment-decisions'].config.admin.group).toBe('Moderation log')
  const created = await comment('An override check', { hostNote: 'kept' })
  expect(created).toMatchObject({ hostNote: 'kept' })
  // The host's beforeValidate saw the status the plugin's prepareNewComment had decided.
  expect(hostHookSaw.at(-1)).toBe(created.status)
})

test('a host rule runs in order with the built-in ones and onDecision sees every decision', async () => {
  const created = await comment('Win big at the casino')
  expect(created.status).toBe('spam')
  expect(created.reasons?.map((reason) => reason.rule)).toEqual([
    'spam-classifier',
    'first-comment',
  ])
  expect(decisions.at(-1)).toMatchObject({
    commentId: created.id,
    from: null,
    to: 'spam',
    source: 'rules',
    policyVersion: '1',
  })
})

test('a moderator decision reaches onDecision and the decision log', async () => {
  const created = await comment('A fair point about flow')
  const moderator = await createLoose('staff', {
    email: 'mod@example.org',
    password: 'mod-password',
    roles: ['moderator'],
  })
  await payload.update({
    collection: 'comments',
    id: created.id,
    data: { status: 'approved', reason: 'On topic' } as never,
    user: { ...moderator, collection: 'staff' } as unknown as PayloadRequest['user'],
    overrideAccess: false,
  })
  expect(decisions.at(-1)).toMatchObject({
    commentId: created.id,
    from: 'pending',
    to: 'approved',
    source: 'moderator',
    reason: 'On topic',
  })
  const log = await payload.find({
    collection: 'comment-decisions',
    where: { comment: { equals: created.id } },
    overrideAccess: true,
  })
  expect(log.totalDocs).toBe(2)
})

test('maxReplyDepth is an option (2 here)', async () => {
  const root = await comment('Root')
  await payload.update({
    collection: 'comments',
    id: root.id,
    data: { status: 'approved', clause: '1' } as never,
    overrideAccess: true,
  })
  const reply = await comment('Reply', { parent: root.id })
  await payload.update({
    collection: 'comments',
    id: reply.id,
    data: { status: 'approved', clause: '1' } as never,
    overrideAccess: true,
  })
  await expect(comment('Too deep', { parent: reply.id })).rejects.toThrow(/parent/)
})

test('the digest task emails held comments to moderators once; the urgent lane has been emailed already', async () => {
  await comment('Held for the digest: lawsuit')
  const held = await comment('Urgent, not for the digest: I want to die')
  const urgent = await smtp.waitFor((message) => message.subject.startsWith('URGENT'))
  expect(urgent.to).toEqual(['mods@example.org'])
  expect(urgent.text).toContain('Urgent, not for the digest')
  // Marked notified once the alert was sent (after the write): then the digest may run.
  await until('the urgent comment marked notified', async () =>
    Boolean(
      (await payload.findByID({ collection: 'comments', id: held.id, overrideAccess: true }))
        .moderatorsNotifiedAt,
    ),
  )
  await queueTask('commentModeratorDigest')
  await payload.jobs.run()
  const digest = await smtp.waitFor((message) =>
    message.subject.startsWith('Comments waiting for moderation'),
  )
  expect(digest.to).toEqual(['mods@example.org'])
  expect(digest.text).toContain('Held for the digest')
  expect(digest.text).not.toContain('Urgent, not for the digest')
  const before = smtp.messages.length
  await queueTask('commentModeratorDigest')
  await payload.jobs.run()
  expect(smtp.messages.length).toBe(before)
})

test('an urgent alert the SMTP server refused is left for the digest, which sends it', async () => {
  const { port } = smtp
  const failures: unknown[] = []
  const logged = jest.spyOn(payload.logger, 'error').mockImplementation((entry: unknown) => {
    failures.push(entry)
  })
  try {
    // No SMTP server on the port: every send is refused.
    await smtp.stop()
    const refused = await comment('Urgent, the alert refused: I want to die')
    await until('the alert failed', async () =>
      failures.some(
        (entry) =>
          typeof entry === 'object' &&
          entry !== null &&
          'msg' in entry &&
          entry.msg === 'comment-moderation: email not sent',
      ),
    )
    const stored = await payload.findByID({
      collection: 'comments',
      id: refused.id,
      overrideAccess: true,
    })
    expect(stored).toMatchObject({ status: 'pending', urgent: true })
    expect(stored.moderatorsNotifiedAt ?? null).toBeNull()
  } finally {
    logged.mockRestore()
    smtp = await startSmtpServer({ port })
  }
  await queueTask('commentModeratorDigest')
  await payload.jobs.run()
  const digest = await smtp.waitFor((message) =>
    message.subject.startsWith('Comments waiting for moderation'),
  )
  expect(digest.text).toContain('Urgent, the alert refused')
})

test('the purge task erases client hashes older than the retention period, and only those', async () => {
  const old = await comment('An old comment')
  const fresh = await comment('A fresh comment')
  expect(
    (await payload.findByID({ collection: 'comments', id: old.id, overrideAccess: true })).ipHash,
  ).toMatch(/^[0-9a-f]{64}$/)
  // Age one comment past the one-day retention by rewriting its creation date.
  await payload.db.updateOne({
    collection: 'comments',
    id: old.id,
    data: { createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString() },
  })
  await queueTask('commentPurgeClientData')
  await payload.jobs.run()
  const purged = await payload.findByID({
    collection: 'comments',
    id: old.id,
    overrideAccess: true,
  })
  expect(purged.ipHash ?? null).toBeNull()
  expect(purged.userAgentHash ?? null).toBeNull()
  expect(
    (await payload.findByID({ collection: 'comments', id: fresh.id, overrideAccess: true })).ipHash,
  ).toMatch(/^[0-9a-f]{64}$/)
})

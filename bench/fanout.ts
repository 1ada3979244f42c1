/**
 * `npm run bench:fanout`: one publication announced to 10,000 confirmed subscribers through a local
 * SMTP server, by the email-subscriptions plugin (jobs queue, claims, marks, rendering, headers),
 * against a bare loop sending the same number of pre-rendered messages over the same kind of pooled
 * nodemailer transport, in the same run. Goal: the plugin at ≥ 0.7× the bare messages/s. Also
 * records the process's peak memory.
 *
 * The plugin runs on a minimal Payload config (SQLite) rather than the whole CMS: what is measured
 * is the fan-out, and the CMS's other collections take no part in it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { createTransport } from 'nodemailer'
import { buildConfig, getPayload } from 'payload'

import { emailSubscriptions } from '../plugins/email-subscriptions'
import { publicationEmail } from '../plugins/email-subscriptions/email/templates'
import { newManageCredentials } from '../plugins/email-subscriptions/utilities/tokens'
import { createProgress } from '../src/progress'
import { machine, recordResults } from './lib.mjs'

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000)
const GOAL_RATIO = 0.7
const POOL = { pool: true, maxConnections: 5, maxMessages: 1000 } as const

const startSink = async (): Promise<{ port: number; child: ChildProcess }> => {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'smtpSink.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve) =>
    child.stdout?.on('data', (chunk: Buffer) =>
      resolve(Number(/port (\d+)/.exec(chunk.toString())?.[1])),
    ),
  )
  return { port, child }
}

let peakRss = 0
let peakHeap = 0
const sampler = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage()
  peakRss = Math.max(peakRss, rss)
  peakHeap = Math.max(peakHeap, heapUsed)
}, 50)
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`

const sink = await startSink()
const transport = () =>
  createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, ...POOL })

// --- Bare pooled nodemailer: the same email (rendered once), no database, no queue ---------------
const sameEmail = await publicationEmail({
  topic: 'posts',
  topicLabel: 'posts',
  title: 'Bench post',
  excerpt: 'What a bench post is about.',
  url: 'https://q.example.org/posts/1',
  preferencesURL: 'https://q.example.org/api/subscribers/preferences?token=x',
  unsubscribeURL: 'https://q.example.org/api/subscribers/unsubscribe?token=x',
})
const bare = async () => {
  const pooled = transport()
  const started = performance.now()
  await Promise.all(
    Array.from({ length: SUBSCRIBERS }, (_, index) =>
      pooled.sendMail({
        ...sameEmail,
        from: 'updates@q.example.org',
        to: `reader-${index}@example.org`,
        headers: {
          'List-Unsubscribe': '<https://q.example.org/api/subscribers/unsubscribe?token=x>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      }),
    ),
  )
  const seconds = (performance.now() - started) / 1000
  pooled.close()
  return seconds
}

// --- The plugin, on a minimal config -------------------------------------------------------------
const dir = mkdtempSync(path.join(os.tmpdir(), 'q-cms-bench-fanout-'))
const payload = await getPayload({
  config: buildConfig({
    secret: 'bench-fanout-secret',
    serverURL: 'http://127.0.0.1:9',
    db: sqliteAdapter({ client: { url: `file:${path.join(dir, 'bench.db')}` } }),
    telemetry: false,
    logger: { options: { level: 'warn' } },
    collections: [
      { slug: 'users', auth: true, fields: [] },
      { slug: 'members', auth: true, fields: [] },
      {
        slug: 'posts',
        access: { read: () => true },
        fields: [
          { name: 'title', type: 'text' },
          { name: 'summary', type: 'textarea' },
        ],
      },
    ],
    plugins: [
      emailSubscriptions({
        topics: ['posts'],
        serverURL: 'https://q.example.org',
        from: 'updates@q.example.org',
        transport: transport(),
        queue: { name: 'bench' },
      }),
    ],
  }),
  key: 'bench-fanout',
})

const setup = createProgress('subscribers', SUBSCRIBERS)
for (let index = 0; index < SUBSCRIBERS; index++) {
  const { manageKey, manageTokenHash } = newManageCredentials(payload.secret)
  await payload.create({
    collection: 'subscribers' as never,
    data: {
      email: `reader-${index}@example.org`,
      topics: ['posts'],
      frequency: 'instant',
      status: 'confirmed',
      manageKey,
      manageTokenHash,
    } as never,
    overrideAccess: true,
  })
  setup.step()
}
setup.done()

const plugin = async (title: string) => {
  // Run with --expose-gc (npm run bench:fanout does): memory is measured from a collected heap.
  globalThis.gc?.()
  const { rss: rssBefore, heapUsed: heapBefore } = process.memoryUsage()
  peakRss = rssBefore
  peakHeap = heapBefore
  const started = performance.now()
  await payload.create({
    collection: 'posts' as never,
    data: { title, summary: 'What a bench post is about.' } as never,
    overrideAccess: true,
  })
  for (;;) {
    const result = await payload.jobs.run({ queue: 'bench', limit: 10 })
    if (result.noJobsRemaining) break
  }
  const seconds = (performance.now() - started) / 1000
  const { docs } = await payload.find({
    collection: 'subscription-mailings' as never,
    where: { title: { equals: title } },
    overrideAccess: true,
  })
  const sent = Number((docs[0] as unknown as { sent?: number } | undefined)?.sent)
  if (sent !== SUBSCRIBERS) throw new Error(`the plugin sent ${sent} of ${SUBSCRIBERS}`)
  return { seconds, rssBefore, peak: peakRss, heapBefore, peakHeap }
}

// Alternate, twice each, and keep the better time of each. The plugin goes first so that its memory
// figures are not inflated by the bare loop's 10,000 queued messages.
const pluginRuns = [await plugin('Bench post 1')]
const bareRuns = [await bare()]
pluginRuns.push(await plugin('Bench post 2'))
bareRuns.push(await bare())
clearInterval(sampler)

const bareSeconds = Math.min(...bareRuns)
const best = pluginRuns.reduce((a, b) => (a.seconds <= b.seconds ? a : b))
const bareRate = SUBSCRIBERS / bareSeconds
const pluginRate = SUBSCRIBERS / best.seconds
const ratio = pluginRate / bareRate
const [firstRun] = pluginRuns

recordResults([
  `## Update-email fan-out — ${new Date().toISOString()}`,
  '',
  `Command: \`npm run bench:fanout\` · Machine: ${machine()} · ${SUBSCRIBERS.toLocaleString('en-GB')} confirmed subscribers, SQLite, a local SMTP server (smtp-server) in its own process, pooled nodemailer ${POOL.maxConnections} connections; best of 2 runs each`,
  '',
  '| Sender | Time | Messages/s | Goal |',
  '| --- | --- | --- | --- |',
  `| email-subscriptions plugin (publish → jobs queue → claims, render, send, marks) | ${best.seconds.toFixed(2)} s | ${Math.round(pluginRate)} | ≥ 0.7× bare |`,
  `| bare pooled nodemailer loop, same messages | ${bareSeconds.toFixed(2)} s | ${Math.round(bareRate)} | — |`,
  `| ratio | | **${ratio.toFixed(2)}×** | ${ratio >= GOAL_RATIO ? 'meets' : 'MISSES'} |`,
  '',
  `Memory of the process running Payload and the sender, first plugin run, sampled every 50 ms: heap used ${mb(firstRun?.heapBefore ?? 0)} before the publication (after a GC), peak ${mb(firstRun?.peakHeap ?? 0)} during the fan-out; RSS ${mb(firstRun?.rssBefore ?? 0)} before (most of it left from creating the 10,000 subscribers), peak ${mb(firstRun?.peak ?? 0)}. Runs: plugin ${pluginRuns.map((run) => `${run.seconds.toFixed(2)} s`).join(', ')}; bare ${bareRuns.map((seconds) => `${seconds.toFixed(2)} s`).join(', ')}.`,
])

sink.child.kill('SIGTERM')
process.exit(0)

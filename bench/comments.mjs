/**
 * `npm run bench:comments`: POST /api/comments with moderation against a plain Payload create of
 * the same document (COMMENT_MODERATION=off: same schema, no hooks), both over HTTP through the
 * express host on SQLite, `?depth=0` as a frontend posting a comment would. Goals: latency ratio
 * ≤ 1.3 and 0 errors at 200 requests/s.
 *
 * Needs the built app (`npm run build`). Traffic goes to 127.0.0.1 only, bounded in count and time.
 */
import { machine, percentile, recordResults, startServer } from './lib.mjs'

const SEQUENTIAL = 300
const RATE = 200
const SECONDS = 10
const GOALS = { ratio: 1.3, errorsAtRate: 0 }

const body = (blogId, index) =>
  JSON.stringify({
    target: { relationTo: 'blogs', value: blogId },
    body: `Benchmark comment ${index}: we tried a daily huddle and it cut delays on the ward.`,
    authorName: 'Bench Guest',
    authorEmail: `bench${index}@example.org`,
    policyAccepted: true,
  })

const postComment = (url, blogId, index) =>
  fetch(`${url}/api/comments?depth=0`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body(blogId, index),
  })

const measure = async (label, env) => {
  const server = await startServer({ SEED: 'true', COMMENT_RATE_LIMIT: '1000000', ...env })
  try {
    const login = await (
      await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'bench@example.org', password: 'bench-password' }),
      })
    ).json()
    // No flood interval: every request comes from the one benchmark address.
    await fetch(`${server.url}/api/globals/comment-policy`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${login.token}` },
      body: JSON.stringify({ floodIntervalSeconds: 0 }),
    })
    const blogId = (await (await fetch(`${server.url}/api/blogs?limit=1`)).json()).docs[0].id
    let index = 0
    for (let i = 0; i < 20; i++)
      await (await postComment(server.url, blogId, index++)).arrayBuffer() // warm-up

    const sequential = []
    for (let i = 0; i < SEQUENTIAL; i++) {
      const t0 = performance.now()
      const response = await postComment(server.url, blogId, index++)
      await response.arrayBuffer()
      if (response.status !== 201) throw new Error(`${label}: HTTP ${response.status}`)
      sequential.push(performance.now() - t0)
    }
    sequential.sort((a, b) => a - b)

    // Open loop: a request every 1/RATE s whatever the server does, so queueing shows as latency.
    const atRate = []
    let errors = 0
    const errorKinds = {}
    const countError = (kind) => {
      errors++
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1
    }
    const started = performance.now()
    const inFlight = []
    for (let i = 0; i < RATE * SECONDS; i++) {
      const due = started + (i * 1000) / RATE
      const wait = due - performance.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      const t0 = performance.now()
      inFlight.push(
        postComment(server.url, blogId, index++)
          .then(async (response) => {
            await response.arrayBuffer()
            if (response.status !== 201) countError(`HTTP ${response.status}`)
            atRate.push(performance.now() - t0)
          })
          .catch((error) => countError(error.cause?.code ?? error.name)),
      )
    }
    await Promise.all(inFlight)
    const achieved = (RATE * SECONDS) / ((performance.now() - started) / 1000)
    atRate.sort((a, b) => a - b)
    return {
      label,
      p50: percentile(sequential, 50),
      p95: percentile(sequential, 95),
      rateP50: percentile(atRate, 50),
      rateP99: percentile(atRate, 99),
      errors,
      errorKinds,
      achieved,
    }
  } finally {
    await server.stop()
  }
}

const plain = await measure('plain Payload create (COMMENT_MODERATION=off)', {
  COMMENT_MODERATION: 'off',
})
const moderated = await measure('with moderation', {})
const ratio = moderated.p50 / plain.p50
const row = (r) =>
  `| ${r.label} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.rateP50.toFixed(1)} ms / ${r.rateP99.toFixed(1)} ms | ${r.errors} of ${RATE * SECONDS}${
    r.errors
      ? ` (${Object.entries(r.errorKinds)
          .map(([k, n]) => `${k}: ${n}`)
          .join(', ')})`
      : ''
  }; ${r.achieved.toFixed(0)} req/s achieved |`
recordResults([
  `## Comment posting: moderation vs plain create — ${new Date().toISOString()}`,
  '',
  `Command: \`npm run bench:comments\` · Machine: ${machine()} · SQLite, express host, HTTP on 127.0.0.1`,
  '',
  `| Variant | sequential p50 | sequential p95 | at ${RATE} req/s p50 / p99 | errors at ${RATE} req/s |`,
  '| --- | --- | --- | --- | --- |',
  row(plain),
  row(moderated),
  '',
  `Latency ratio (p50, sequential): **${ratio.toFixed(2)}** (goal ≤ ${GOALS.ratio}: ${ratio <= GOALS.ratio ? 'meets' : 'MISSES'}). ` +
    `Errors at ${RATE} req/s with moderation: **${moderated.errors}** (goal ${GOALS.errorsAtRate}: ${moderated.errors <= GOALS.errorsAtRate ? 'meets' : 'MISSES'}).`,
])

/**
 * Network exports for evaluators over real HTTP, one server: staff request an export with a stated
 * purpose, the `network-exports` queue builds it (worked here through `GET /api/payload-jobs/run`
 * so each step is deterministic; in production the host's cron works it), staff download the ZIP
 * and everything in it checks out: manifest hashes, only consenting members, small groups merged
 * or suppressed, pseudonyms keyed per export.
 */
import { parse } from 'csv-parse/sync'
import { unzipSync } from 'fflate'

import { sha256 } from '@/privacy/exports/manifest'
import { exportPseudonym } from '@/privacy/exports/pseudonyms'

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type ApiDoc,
  errorPaths,
  type RunningServer,
  startServer,
} from '../helpers/server'

const PASSWORD = 'a-long-network-export-password'
const PURPOSE = 'Year-two evaluation of the community network by the university team'

let server: RunningServer
let client: ReturnType<typeof api>
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}

/**
 * With k = 3: three Welsh nurses stay as they are; two Welsh doctors and a Welsh researcher become
 * "wales × Other"; the one Scottish doctor ends up alone in "Other × Other" and is suppressed; one
 * Welsh nurse never opted in.
 */
const MEMBERS = {
  nurse0: ['wales', 'nurse', true],
  nurse1: ['wales', 'nurse', true],
  nurse2: ['wales', 'nurse', true],
  doctor0: ['wales', 'doctor', true],
  doctor1: ['wales', 'doctor', true],
  researcher: ['wales', 'researcher', true],
  scot: ['scotland', 'doctor', true],
  refuser: ['wales', 'nurse', false],
} as const

const connect = async (from: string, to: string) => {
  const requested = await client.request('POST', '/api/connections', {
    token: tokens[from],
    json: { to: ids[to] },
  })
  expect(requested.status).toBe(201)
  const accepted = await client.request('PATCH', `/api/connections/${requested.body.doc?.id}`, {
    token: tokens[to],
    json: { status: 'accepted' },
  })
  expect(accepted.status).toBe(200)
}

const runQueue = async () => {
  const run = await client.request('GET', '/api/payload-jobs/run?queue=network-exports&limit=10', {
    token: tokens.admin,
  })
  expect(run.status).toBe(200)
}

const requestExport = async (token: string, json: unknown) =>
  client.request('POST', '/api/network/exports', { token, json })

const download = (id: unknown, token?: string) =>
  client.request('GET', `/api/network/exports/${id}/download`, { token })

/** The ZIP of a ready export, unpacked: file name → text. */
const unpack = async (id: unknown) => {
  const response = await fetch(`${server.url}/api/network/exports/${id}/download`, {
    headers: { Authorization: `JWT ${tokens.editor}` },
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/zip')
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.zip"$/)
  expect(response.headers.get('cache-control')).toBe('private, no-store')
  const zip = new Uint8Array(await response.arrayBuffer())
  const files = unzipSync(zip)
  const text = Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]),
  )
  return { zip, files, text }
}

const rows = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[]

beforeAll(async () => {
  server = await startServer('network-exports', {
    // Never in a test run: the test works the queue itself (see runQueue).
    NETWORK_EXPORTS_QUEUE_CRON: '0 0 1 1 *',
    // No demo members: the demo seed opts most of them in, and the counts below are of ours alone.
    SEED: 'false',
  })
  client = api(server.url)
  tokens.admin = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
  const editorEmail = 'exports.editor@staff.example.org'
  const editor = await client.request('POST', '/api/users', {
    token: tokens.admin,
    json: { name: 'Exports editor', email: editorEmail, password: PASSWORD, roles: ['editor'] },
  })
  expect(editor.status).toBe(201)
  ids.editor = editor.body.doc?.id as number
  tokens.editor = await client.login('users', editorEmail, PASSWORD)
  for (const [name, [region, profession, consents]] of Object.entries(MEMBERS)) {
    const email = `export-${name}@members.example.org`
    const created = await client.request('POST', '/api/members', {
      token: tokens.admin,
      json: { name: `Export ${name}`, email, password: PASSWORD, region, profession },
    })
    expect(created.status).toBe(201)
    ids[name] = created.body.doc?.id as number
    tokens[name] = await client.login('members', email, PASSWORD)
    if (consents) {
      const opted = await client.request('PATCH', `/api/members/${ids[name]}`, {
        token: tokens[name],
        json: { networkAnalysis: true },
      })
      expect(opted.status).toBe(200)
    }
  }
  await connect('nurse0', 'nurse1')
  await connect('nurse0', 'doctor0')
  await connect('nurse1', 'scot')
  await connect('nurse2', 'refuser')
  const k = await client.request('POST', '/api/globals/privacy-settings', {
    token: tokens.admin,
    json: { networkExportMinGroupSize: 3 },
  })
  expect(k.status).toBe(200)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

test('only staff request exports, with a stated purpose', async () => {
  expect((await requestExport('', { purpose: PURPOSE })).status).toBe(401)
  expect((await requestExport(tokens.nurse0, { purpose: PURPOSE })).status).toBe(403)
  for (const body of [
    {},
    { purpose: 'too short' },
    { purpose: 'x'.repeat(501) },
    { purpose: 42 },
  ]) {
    const refused = await requestExport(tokens.editor, body)
    expect(refused.status).toBe(400)
    expect(errorPaths(refused.body)).toContain('purpose')
  }
  for (const [body, field] of [
    [{ purpose: PURPOSE, from: '2024-13' }, 'from'],
    [{ purpose: PURPOSE, from: '2025-06', to: '2025-01' }, 'to'],
  ] as const) {
    const refused = await requestExport(tokens.editor, body)
    expect(refused.status).toBe(400)
    expect(errorPaths(refused.body)).toContain(field)
  }
  // A body that is not a JSON object is refused by the host's JSON guard first.
  expect((await requestExport(tokens.editor, 'not an object')).status).toBe(400)
  expect((await download(1)).status).toBe(401)
  expect((await download(1, tokens.nurse0)).status).toBe(403)
  expect((await download(999_999, tokens.editor)).status).toBe(404)
  expect(
    (await client.request('GET', '/api/network-exports', { token: tokens.nurse0 })).status,
  ).toBe(403)
})

test('staff request, the queue builds, staff download a checked, k-anonymous ZIP; pseudonyms differ per export', async () => {
  const first = await requestExport(tokens.editor, { purpose: PURPOSE })
  expect(first.status).toBe(202)
  expect(first.body).toEqual({ id: expect.anything(), status: 'queued' })
  const id = (first.body as { id: number }).id
  expect(first.headers.get('location')).toBe(`/api/network-exports/${id}`)
  // Not built yet: nothing has worked the queue.
  expect((await download(id, tokens.editor)).status).toBe(409)

  await runQueue()
  const ready = await client.request('GET', `/api/network-exports/${id}`, { token: tokens.editor })
  expect(ready.body).toMatchObject({
    status: 'ready',
    progress: 100,
    purpose: PURPOSE,
    counts: { members: 6, connections: 2, suppressed: 1 },
  })
  expect((ready.body as ApiDoc).requestedBy).toMatchObject({ id: ids.editor })
  expect(new Date(String((ready.body as ApiDoc).expiresAt)).getTime()).toBeGreaterThan(
    Date.now() + 6 * 24 * 3600_000,
  )
  // The pseudonym key: admins only, never editors.
  expect(ready.body).not.toHaveProperty('pseudonymKey')
  const asAdmin = await client.request('GET', `/api/network-exports/${id}`, { token: tokens.admin })
  const key = String((asAdmin.body as ApiDoc).pseudonymKey)
  expect(key).toMatch(/^[0-9a-f]{64}$/)

  const { zip, files, text } = await unpack(id)
  expect(sha256(zip)).toBe((ready.body as ApiDoc).sha256)
  expect(Object.keys(files).sort()).toEqual([
    'connections.csv',
    'data-dictionary.md',
    'manifest.json',
    'members.csv',
    'monthly.csv',
  ])
  const manifest = JSON.parse(text['manifest.json'])
  expect(manifest).toMatchObject({ exportId: String(id), purpose: PURPOSE, k: 3 })
  expect(Object.keys(manifest.sha256).sort()).toEqual(
    Object.keys(files)
      .filter((name) => name !== 'manifest.json')
      .sort(),
  )
  for (const [name, hash] of Object.entries(manifest.sha256)) expect(sha256(files[name])).toBe(hash)

  const members = rows(text['members.csv'])
  const byMember = (name: string) =>
    members.find((row) => row.pseudonym === exportPseudonym(key, String(ids[name])))
  expect(byMember('nurse0')).toMatchObject({ region: 'wales', profession: 'nurse' })
  expect(byMember('nurse0')?.joined_month).toMatch(/^\d{4}-\d{2}$/)
  expect(byMember('doctor0')).toMatchObject({ region: 'wales', profession: 'Other' })
  expect(byMember('researcher')).toMatchObject({ region: 'wales', profession: 'Other' })
  expect(byMember('scot')).toBeUndefined()
  expect(byMember('refuser')).toBeUndefined()
  expect(members).toHaveLength(6)
  // Every region × profession × joined combination has k members (the directory shows join dates).
  const combinations = new Map<string, number>()
  for (const row of members) {
    const combination = [row.region, row.profession, row.joined_month].join('|')
    combinations.set(combination, (combinations.get(combination) ?? 0) + 1)
  }
  expect(Math.min(...combinations.values())).toBeGreaterThanOrEqual(3)
  const connections = rows(text['connections.csv'])
  expect(connections).toHaveLength(2)
  expect(text['connections.csv']).not.toContain(exportPseudonym(key, String(ids.refuser)))
  expect(rows(text['monthly.csv']).at(-1)).toMatchObject({ members: '6', connections: '2' })
  expect(text['data-dictionary.md']).toContain('k = 3')
  // No names, no email addresses, no ids.
  for (const content of Object.values(text)) expect(content).not.toMatch(/example\.org|Export /)

  // A second export: the same member under an unrelated pseudonym.
  const thisMonth = new Date().toISOString().slice(0, 7)
  const second = await requestExport(tokens.editor, {
    purpose: `${PURPOSE}, second look`,
    from: thisMonth,
    to: thisMonth,
  })
  expect(second.status).toBe(202)
  await runQueue()
  const secondId = (second.body as { id: number }).id
  const secondZip = await unpack(secondId)
  expect(JSON.parse(secondZip.text['manifest.json']).period).toEqual({
    from: thisMonth,
    to: thisMonth,
  })
  const secondMembers = rows(secondZip.text['members.csv'])
  expect(secondMembers).toHaveLength(6)
  const firstPseudonyms = new Set(members.map((row) => row.pseudonym))
  expect(secondMembers.some((row) => firstPseudonyms.has(row.pseudonym))).toBe(false)

  // Nobody edits an export over the API; admins delete.
  const edit = await client.request('PATCH', `/api/network-exports/${id}`, {
    token: tokens.admin,
    json: { purpose: 'Rewritten after the fact' },
  })
  expect(edit.status).toBe(403)
  expect(
    (await client.request('DELETE', `/api/network-exports/${secondId}`, { token: tokens.editor }))
      .status,
  ).toBe(403)
  expect(
    (await client.request('DELETE', `/api/network-exports/${secondId}`, { token: tokens.admin }))
      .status,
  ).toBe(200)
  expect((await download(secondId, tokens.editor)).status).toBe(404)
})

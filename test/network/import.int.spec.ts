/**
 * CSV import of members and connections: row checks, dry run, all-or-nothing, the admin upload
 * over HTTP and the `npm run import` command.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { importNetwork } from '@/network/import/importNetwork'
import { checkConnectionRows, checkMemberRows } from '@/network/import/rows'

import { startPayload, stopPayload } from '../helpers/payload'
import { ADMIN_EMAIL, ADMIN_PASSWORD, api, startServer } from '../helpers/server'
import { createTestDatabaseURL } from '../helpers/testDatabase'

// networkAnalysis: consent to network analysis, collected by the survey itself.
const MEMBERS_CSV = `name,email,profession,organisation,region,interests,joinedAt,directoryVisible,networkAnalysis
Iona Reid,iona@survey.example.org,nurse,NHS Grampian,scotland,self-management;co-design,2017-01-10,true,true
Owen Price,owen@survey.example.org,doctor,Cardiff and Vale,wales,patient-safety,2017-02-01,true,yes
Nia Evans,nia@survey.example.org,researcher,,wales,,2017-03-01,false,true
`
const CONNECTIONS_CSV = `fromEmail,toEmail,acceptedAt
iona@survey.example.org,owen@survey.example.org,2017-03-05
owen@survey.example.org,nia@survey.example.org,2017-04-01
`

/** A made-up survey: `members` members and `connections` distinct pairs among them. */
const surveyCsv = (members: number, connections: number) => {
  const memberLines = Array.from(
    { length: members },
    (_, index) =>
      `Surveyed ${index},surveyed-${index}@survey.example.org,nurse,,wales,co-design;evaluation,2019-01-${String(1 + (index % 28)).padStart(2, '0')},true,true`,
  )
  const pairs: string[] = []
  for (let step = 1; pairs.length < connections; step++) {
    for (let index = 0; index < members && pairs.length < connections; index++) {
      pairs.push(
        `surveyed-${index}@survey.example.org,surveyed-${(index + step) % members}@survey.example.org,2019-03-01`,
      )
    }
  }
  return {
    membersCsv: `name,email,profession,organisation,region,interests,joinedAt,directoryVisible,networkAnalysis\n${memberLines.join('\n')}\n`,
    connectionsCsv: `fromEmail,toEmail,acceptedAt\n${pairs.join('\n')}\n`,
  }
}

/** The survey is 1,500 members and 15,000 connections; `npm run bench:import` measures that size. */
const IMPORT_SIZE = { members: 1_500, connections: 15_000 }

describe('row checks', () => {
  test('member rows: each problem is named with its line', () => {
    const { valid, rejected } = checkMemberRows([
      { name: 'Ok', email: 'ok@example.org', profession: 'nurse', region: 'wales' },
      { name: '', email: 'x@example.org', profession: 'nurse', region: 'wales' },
      { name: 'Bad email', email: 'nope', profession: 'nurse', region: 'wales' },
      { name: 'Bad region', email: 'r@example.org', profession: 'nurse', region: 'atlantis' },
      { name: 'Twice', email: 'ok@example.org', profession: 'nurse', region: 'wales' },
      {
        name: 'Bad date',
        email: 'd@example.org',
        profession: 'nurse',
        region: 'wales',
        joinedAt: '01/02/2017',
      },
      {
        name: 'Bad topic',
        email: 't@example.org',
        profession: 'nurse',
        region: 'wales',
        interests: 'alchemy',
      },
    ])
    expect(valid.map((row) => row.email)).toEqual(['ok@example.org'])
    expect(rejected.map((row) => [row.line, row.reason])).toEqual([
      [3, 'name is empty'],
      [4, 'email is not an email address'],
      [5, 'region "atlantis" is not one of the list'],
      [6, 'email ok@example.org appears twice in the file'],
      [7, 'joinedAt must be a date written YYYY-MM-DD'],
      [8, 'interest "alchemy" is not one of the topics'],
    ])
  })

  test('connection rows: unknown members, self, duplicates in either direction, bad dates', () => {
    const known = new Set(['a@example.org', 'b@example.org'])
    const { valid, rejected } = checkConnectionRows(
      [
        { fromEmail: 'a@example.org', toEmail: 'b@example.org', acceptedAt: '2017-01-01' },
        { fromEmail: 'b@example.org', toEmail: 'a@example.org', acceptedAt: '2017-01-02' },
        { fromEmail: 'a@example.org', toEmail: 'a@example.org', acceptedAt: '2017-01-01' },
        { fromEmail: 'a@example.org', toEmail: 'z@example.org', acceptedAt: '2017-01-01' },
        { fromEmail: 'a@example.org', toEmail: 'b@example.org', acceptedAt: 'soon' },
      ],
      known,
    )
    expect(valid).toHaveLength(1)
    expect(rejected.map((row) => row.line)).toEqual([3, 4, 5, 6])
  })
})

describe('importNetwork (Local API)', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await startPayload('import')
  })
  afterAll(() => stopPayload(payload))

  const counts = async () => ({
    members: (await payload.count({ collection: 'members', overrideAccess: true })).totalDocs,
    connections: (await payload.count({ collection: 'connections', overrideAccess: true }))
      .totalDocs,
  })

  test('a dry run reports what would happen and writes nothing', async () => {
    const report = await importNetwork(payload, {
      membersCsv: MEMBERS_CSV,
      connectionsCsv: CONNECTIONS_CSV,
      dryRun: true,
    })
    expect(report).toMatchObject({
      dryRun: true,
      imported: false,
      members: { rows: 3, created: 3 },
      connections: { rows: 2, created: 2 },
      rejected: [],
    })
    expect(await counts()).toEqual({ members: 0, connections: 0 })
  })

  test('one bad row and nothing is imported', async () => {
    const report = await importNetwork(payload, {
      membersCsv: `${MEMBERS_CSV}Bad Row,bad,nurse,,wales,,2017-01-01,true,\n`,
      connectionsCsv: CONNECTIONS_CSV,
    })
    expect(report.imported).toBe(false)
    expect(report.rejected).toEqual([
      { file: 'members', line: 5, reason: 'email is not an email address' },
    ])
    expect(await counts()).toEqual({ members: 0, connections: 0 })
  })

  test('a clean import writes every row, with progress, and a second run adds nothing', async () => {
    const progress: number[] = []
    const report = await importNetwork(payload, {
      membersCsv: MEMBERS_CSV,
      connectionsCsv: CONNECTIONS_CSV,
      onProgress: (done) => progress.push(done),
    })
    expect(report).toMatchObject({
      imported: true,
      members: { created: 3, existing: 0 },
      connections: { created: 2, existing: 0 },
    })
    // After each batch: the members (one batch of 3), then the connections (one batch of 2).
    expect(progress).toEqual([3, 5])
    expect(await counts()).toEqual({ members: 3, connections: 2 })
    const again = await importNetwork(payload, {
      membersCsv: MEMBERS_CSV,
      connectionsCsv: CONNECTIONS_CSV,
    })
    expect(again).toMatchObject({
      members: { created: 0, existing: 3 },
      connections: { created: 0, existing: 2 },
    })
    const nia = await payload.find({
      collection: 'members',
      where: { email: { equals: 'nia@survey.example.org' } },
      overrideAccess: true,
    })
    expect(nia.docs[0]).toMatchObject({
      directoryVisible: false,
      networkAnalysis: true,
      joinedAt: '2017-03-01T00:00:00.000Z',
      region: 'wales',
    })
    // The consent collected by the survey is recorded, per purpose, as imported.
    const consents = await payload.find({
      collection: 'consent-records',
      where: { member: { equals: nia.docs[0].id } },
      overrideAccess: true,
      depth: 0,
    })
    expect(
      consents.docs.map((record) => [record.purpose, record.granted, record.source]).sort(),
    ).toEqual([
      ['contact', true, 'import'],
      ['directory', false, 'import'],
      ['networkAnalysis', true, 'import'],
    ])
    const iona = await payload.find({
      collection: 'members',
      where: { email: { equals: 'iona@survey.example.org' } },
      overrideAccess: true,
    })
    expect(iona.docs[0]).toMatchObject({
      interests: ['self-management', 'co-design'],
      organisation: 'NHS Grampian',
      profession: 'nurse',
    })
    const connection = await payload.find({
      collection: 'connections',
      where: { from: { equals: iona.docs[0].id } },
      overrideAccess: true,
      depth: 0,
    })
    expect(connection.docs[0]).toMatchObject({
      status: 'accepted',
      source: 'import',
      acceptedAt: '2017-03-05T00:00:00.000Z',
    })
  })

  test('an imported member has no password until they set one: every login is refused', async () => {
    await expect(
      payload.login({
        collection: 'members',
        data: { email: 'owen@survey.example.org', password: '' },
      }),
    ).rejects.toThrow()
    await expect(
      payload.login({
        collection: 'members',
        data: { email: 'owen@survey.example.org', password: 'anything at all' },
      }),
    ).rejects.toThrow()
    const token = await payload.forgotPassword({
      collection: 'members',
      data: { email: 'owen@survey.example.org' },
      disableEmail: true,
    })
    await payload.resetPassword({
      collection: 'members',
      data: { token, password: 'owen-chose-this-one' },
      overrideAccess: true,
    })
    expect(
      (
        await payload.login({
          collection: 'members',
          data: { email: 'owen@survey.example.org', password: 'owen-chose-this-one' },
        })
      ).user?.email,
    ).toBe('owen@survey.example.org')
  })

  test('a batch that fails after validation (a member registered meanwhile) leaves nothing behind', async () => {
    const before = await counts()
    const rows = Array.from(
      { length: 600 },
      (_, index) =>
        `Late ${index},late-${index}@survey.example.org,nurse,,wales,co-design,2018-01-01,true`,
    )
    const links = Array.from(
      { length: 300 },
      (_, index) =>
        `late-${index}@survey.example.org,late-${index + 1}@survey.example.org,2018-02-01`,
    )
    let injected = false
    const attempt = importNetwork(payload, {
      membersCsv: `name,email,profession,organisation,region,interests,joinedAt,directoryVisible\n${rows.join('\n')}\n`,
      connectionsCsv: `fromEmail,toEmail,acceptedAt\n${links.join('\n')}\n`,
      onProgress: (done) => {
        // After the first batch, somebody takes the email of a row in a later batch.
        if (!injected && done > 0) {
          injected = true
          void payload.db.create({
            collection: 'members',
            data: {
              name: 'Early bird',
              email: 'late-599@survey.example.org',
              profession: 'nurse',
              region: 'wales',
            },
          })
        }
      },
    })
    await expect(attempt).rejects.toMatchObject({ name: 'ImportWriteError', conflict: true })
    expect(injected).toBe(true)
    // Only the member registered meanwhile is new; none of the import's rows or interests remain.
    expect(await counts()).toEqual({ members: before.members + 1, connections: before.connections })
    const late = await payload.find({
      collection: 'members',
      where: { email: { like: 'late-' } },
      overrideAccess: true,
      pagination: false,
    })
    expect(late.docs.map((doc) => doc.email)).toEqual(['late-599@survey.example.org'])
  })

  test('a file that is not CSV, or lacks columns, is one rejected row', async () => {
    const report = await importNetwork(payload, { connectionsCsv: 'from,to\n1,2\n' })
    expect(report.rejected).toEqual([
      { file: 'connections', line: 1, reason: 'missing column(s): fromEmail, toEmail, acceptedAt' },
    ])
  })
})

describe('admin upload and command line', () => {
  test('POST /api/network/import: staff only, 422 with the report for bad rows, 201 when imported', async () => {
    const server = await startServer('import-http', { SEED: 'false' })
    try {
      const client = api(server.url)
      // No seed here, so the admin is the first user to register.
      await client.request('POST', '/api/users/first-register', {
        json: { name: 'Importer', email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      })
      const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
      const upload = (members: string, extra: Record<string, string> = {}, withToken = token) => {
        const form = new FormData()
        form.append('members', new Blob([members], { type: 'text/csv' }), 'members.csv')
        form.append(
          'connections',
          new Blob([CONNECTIONS_CSV], { type: 'text/csv' }),
          'connections.csv',
        )
        for (const [key, value] of Object.entries(extra)) form.append(key, value)
        return client.request('POST', '/api/network/import', { token: withToken, body: form })
      }
      expect((await upload(MEMBERS_CSV, {}, '')).status).toBe(401)
      const bad = await upload(MEMBERS_CSV.replace('scotland', 'narnia'))
      expect(bad.status).toBe(422)
      // Iona's row is rejected, so is her connection.
      expect(bad.body.rejected).toEqual([
        { file: 'members', line: 2, reason: 'region "narnia" is not one of the list' },
        { file: 'connections', line: 2, reason: 'fromEmail is not a member' },
      ])
      const dry = await upload(MEMBERS_CSV, { dryRun: 'true' })
      expect(dry.status).toBe(200)
      expect(dry.body).toMatchObject({ dryRun: true, imported: false })
      const real = await upload(MEMBERS_CSV)
      expect(real.status).toBe(201)
      expect(real.body).toMatchObject({
        imported: true,
        members: { created: 3 },
        connections: { created: 2 },
      })
      const stats = await client.request('GET', '/api/network/stats?at=2017-12-31')
      expect(stats.body).toMatchObject({ members: 3, connections: 2, isolates: 0, components: 1 })
    } finally {
      await server.stop()
    }
  }, 120_000)

  test('a survey-sized import over HTTP finishes, and comments and logins go on answering meanwhile', async () => {
    const server = await startServer('import-size', {
      COMMENT_RATE_LIMIT: '1000',
      LOGIN_RATE_LIMIT: '1000',
    })
    try {
      const client = api(server.url)
      const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
      const member = { email: 'reader@import.example.org', password: 'a-long-test-password' }
      expect(
        (
          await client.request('POST', '/api/members', {
            token,
            json: { name: 'Reader', ...member, profession: 'nurse', region: 'wales' },
          })
        ).status,
      ).toBe(201)
      expect(
        (
          await client.request('POST', '/api/globals/comment-policy', {
            token,
            json: { floodIntervalSeconds: 0 },
          })
        ).status,
      ).toBe(200)
      const blogId = (await client.request('GET', '/api/blogs?limit=1')).body.docs?.[0]?.id
      const { membersCsv, connectionsCsv } = surveyCsv(IMPORT_SIZE.members, IMPORT_SIZE.connections)
      const form = new FormData()
      form.append('members', new Blob([membersCsv], { type: 'text/csv' }), 'members.csv')
      form.append(
        'connections',
        new Blob([connectionsCsv], { type: 'text/csv' }),
        'connections.csv',
      )
      const started = performance.now()
      let finished = false
      const upload = client
        .request('POST', '/api/network/import', { token, body: form })
        .finally(() => (finished = true))
      const statuses: number[] = []
      for (let round = 0; !finished; round++) {
        const memberToken = await client.login('members', member.email, member.password)
        statuses.push(200)
        const comment = await client.request('POST', '/api/comments', {
          token: memberToken,
          json: {
            target: { relationTo: 'blogs', value: blogId },
            body: `Written during the import, round ${round}`,
            policyAccepted: true,
          },
        })
        statuses.push(comment.status)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      const response = await upload
      const seconds = (performance.now() - started) / 1000
      console.log(
        `import of ${IMPORT_SIZE.members} members and ${IMPORT_SIZE.connections} connections over HTTP: ${seconds.toFixed(1)} s`,
      )
      expect(response.status).toBe(201)
      expect(response.body).toMatchObject({
        imported: true,
        members: { created: IMPORT_SIZE.members },
        connections: { created: IMPORT_SIZE.connections },
      })
      expect(statuses.length).toBeGreaterThanOrEqual(2)
      expect(statuses.every((status) => status >= 200 && status < 300)).toBe(true)
      const stats = await client.request('GET', '/api/network/stats')
      expect(Number(stats.body.connections)).toBeGreaterThanOrEqual(IMPORT_SIZE.connections)
    } finally {
      await server.stop()
    }
  }, 180_000)

  test('npm run import: progress, report, exit code 1 and nothing written on a rejected row', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'q-cms-import-cli-'))
    writeFileSync(path.join(dir, 'members.csv'), MEMBERS_CSV)
    writeFileSync(path.join(dir, 'bad.csv'), MEMBERS_CSV.replace('doctor', 'wizard'))
    writeFileSync(path.join(dir, 'connections.csv'), CONNECTIONS_CSV)
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '',
      DATABASE_URL: await createTestDatabaseURL('import-cli'),
      PAYLOAD_SECRET: 'cli-test',
    }
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['dist/import.mjs', ...args], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      })
    const bad = run(path.join(dir, 'bad.csv'), path.join(dir, 'connections.csv'))
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain(
      'rejected members.csv line 3: profession "wizard" is not one of the list',
    )
    expect(bad.stdout).toContain('nothing was imported')
    const good = run(path.join(dir, 'members.csv'), path.join(dir, 'connections.csv'))
    expect(good.status).toBe(0)
    expect(good.stdout).toContain('[import] 5/5 rows')
    expect(good.stdout).toContain('members: 3 rows, 3 new')
  }, 120_000)
})

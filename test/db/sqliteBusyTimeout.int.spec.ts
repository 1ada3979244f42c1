/**
 * SQLite: the server's writes wait for another process's write lock (`npm run seed`, `import`,
 * `digest` on the same file) instead of failing at once with SQLITE_BUSY, also after the libsql
 * client has swapped its first connection for a fresh one (which happens at every transaction).
 */
import { createClient } from '@libsql/client'

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'
import { databaseKindUnderTest } from '../helpers/testDatabase'

const sqlite = databaseKindUnderTest() === 'sqlite'
const sqliteOnly = sqlite ? describe : describe.skip
if (!sqlite)
  console.log(
    'SQLite busy-timeout test skipped: this run is on PostgreSQL (row locks, no file lock).',
  )

sqliteOnly('SQLite writers wait for another process’s lock', () => {
  let server: RunningServer

  beforeAll(async () => {
    server = await startServer('busy-timeout')
  })

  afterAll(async () => {
    await server?.stop()
  })

  it('an edit made while another process holds the write lock succeeds once the lock is released', async () => {
    const client = api(server.url)
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const { body } = await client.request('GET', '/api/blogs?limit=1&depth=0', { token })
    const blog = body.docs?.[0]
    expect(blog).toBeDefined()
    // Some writes first, so the server's first connection (the only one Payload configured) is gone.
    for (const title of ['First edit', 'Second edit']) {
      expect(
        (await client.request('PATCH', `/api/blogs/${blog?.id}`, { token, json: { title } }))
          .status,
      ).toBe(200)
    }

    const otherProcess = createClient({ url: server.databaseURL })
    const lock = await otherProcess.transaction('write')
    const edit = client.request('PATCH', `/api/blogs/${blog?.id}`, {
      token,
      json: { title: 'Edited while locked' },
    })
    await new Promise((resolve) => setTimeout(resolve, 500))
    await lock.commit()
    otherProcess.close()

    const answer = await edit
    expect([answer.status, answer.body.doc?.title]).toEqual([200, 'Edited while locked'])
  })
})

/**
 * MongoDB through mongoose: the same content rules on a real mongod, at MONGODB_URL or started by
 * mongodb-memory-server (test/helpers/mongo.ts). Where neither is possible the file skips with one line.
 */
import type { Payload } from 'payload'

import { contentData, createMember } from '../helpers/fixtures'
import { findMongoForTests, type RunningMongo } from '../helpers/mongo'

// Decided before the suite is declared, so a machine without mongod reports skipped tests, not failures.
const mongo = await findMongoForTests()
if (!mongo.available) process.stderr.write(`${mongo.skipLine}\n`)
const describeWithMongo = mongo.available ? describe : describe.skip

describeWithMongo('MongoDB adapter', () => {
  let payload: Payload
  let server: RunningMongo | undefined

  beforeAll(async () => {
    if (!mongo.available) return
    server = await mongo.start()
    const url = new URL(server.url)
    url.pathname = `/q_cms_test_${process.pid}_${Date.now()}`
    process.env.DATABASE_URL = url.toString()
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    payload = await getPayload({ config })
  })

  afterAll(async () => {
    await payload?.db.dropDatabase?.({ adapter: payload.db as never })
    await payload?.destroy()
    await server?.stop()
  })

  test('creates and reads content, hides drafts from the public and member emails from everyone else', async () => {
    const published = await payload.create({
      collection: 'blogs',
      data: contentData('blogs') as never,
      overrideAccess: true,
    })
    const draft = await payload.create({
      collection: 'blogs',
      data: contentData('blogs', false) as never,
      draft: true,
      overrideAccess: true,
    })
    const { docs } = await payload.find({ collection: 'blogs', overrideAccess: false, depth: 0 })
    const ids = docs.map((doc) => String(doc.id))
    expect(ids).toContain(String(published.id))
    expect(ids).not.toContain(String(draft.id))
    const member = await createMember(payload)
    const publicMember = await payload.findByID({
      collection: 'members',
      id: member.id,
      overrideAccess: false,
    })
    expect(publicMember).not.toHaveProperty('email')
  })
})

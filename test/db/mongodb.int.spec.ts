/**
 * MongoDB through mongoose: the same content rules on a real mongod. No mongod can be installed on
 * the project's machines (no package ships one and nothing may be downloaded), so this runs only
 * where MONGODB_URL points at a server.
 */
import type { Payload } from 'payload'

import { contentData, createMember } from '../helpers/fixtures'

const MONGODB_URL = process.env.MONGODB_URL
if (!MONGODB_URL) process.stderr.write('Skipping MongoDB tests: set MONGODB_URL to a reachable mongod (none can run on this machine).\n')
const describeWithMongo = MONGODB_URL ? describe : describe.skip

describeWithMongo('MongoDB adapter', () => {
  let payload: Payload

  beforeAll(async () => {
    const url = new URL(MONGODB_URL as string)
    url.pathname = `/q_cms_test_${process.pid}_${Date.now()}`
    process.env.DATABASE_URL = url.toString()
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    payload = await getPayload({ config })
  })

  afterAll(async () => {
    await payload?.db.dropDatabase?.({ adapter: payload.db as never })
    await payload?.destroy()
  })

  test('creates and reads content, hides drafts from the public and member emails from everyone else', async () => {
    const published = await payload.create({ collection: 'blogs', data: contentData('blogs') as never, overrideAccess: true })
    const draft = await payload.create({ collection: 'blogs', data: contentData('blogs', false) as never, draft: true, overrideAccess: true })
    const { docs } = await payload.find({ collection: 'blogs', overrideAccess: false, depth: 0 })
    const ids = docs.map((doc) => String(doc.id))
    expect(ids).toContain(String(published.id))
    expect(ids).not.toContain(String(draft.id))
    const member = await createMember(payload)
    const publicMember = await payload.findByID({ collection: 'members', id: member.id, overrideAccess: false })
    expect(publicMember).not.toHaveProperty('email')
  })
})

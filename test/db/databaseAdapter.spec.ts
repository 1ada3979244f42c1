import { databaseAdapterFromURL, databaseKindFromURL } from '@/db/databaseAdapter'

describe('DATABASE_URL selects the adapter', () => {
  test.each([
    ['file:./data/q.db', 'sqlite'],
    ['file:/tmp/q.db', 'sqlite'],
    ['postgres://q@127.0.0.1:5432/q_cms', 'postgres'],
    ['postgresql://q:secret@db.internal/q_cms?sslmode=require', 'postgres'],
    ['mongodb://127.0.0.1:27017/q_cms', 'mongodb'],
    ['mongodb+srv://cluster0.example.net/q_cms', 'mongodb'],
  ])('%s → %s', (url, kind) => {
    expect(databaseKindFromURL(url)).toBe(kind)
  })

  test('anything else is refused with a message naming the accepted schemes, without echoing credentials', () => {
    expect(() => databaseKindFromURL('mysql://root:hunter2@localhost/q')).toThrow(
      /file:.*postgres:\/\/.*mongodb:\/\//,
    )
    expect(() => databaseKindFromURL('mysql://root:hunter2@localhost/q')).not.toThrow(/hunter2/)
  })
})

describe('databaseAdapterFromURL', () => {
  // Building an adapter does not connect, so all three can be checked here, mongod or not.
  test.each([
    ['file:/tmp/q-cms-adapter-test/q.db', 'sqlite'],
    ['postgres://q@127.0.0.1:5432/q_cms', 'postgres'],
    ['mongodb://127.0.0.1:27017/q_cms', 'mongoose'],
  ])('%s builds the %s adapter', (url, name) => {
    expect(databaseAdapterFromURL(url).name).toBe(name)
  })
})

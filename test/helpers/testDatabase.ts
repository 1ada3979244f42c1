import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

/**
 * A fresh, empty database for one test file: a temp SQLite file by default, or a new database in
 * the cluster named by TEST_DATABASE_URL (the PostgreSQL run).
 */
export const createTestDatabaseURL = async (label: string): Promise<string> => {
  const base = process.env.TEST_DATABASE_URL
  if (!base || base.startsWith('file:')) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `q-cms-${label}-`))
    return `file:${path.join(dir, 'test.db')}`
  }
  const name = `q_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${Date.now()}`
  const client = new pg.Client({ connectionString: base })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}

export const databaseKindUnderTest = (): 'sqlite' | 'postgres' =>
  process.env.TEST_DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite'

import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'

import { closeDatabase } from '@/db/closeDatabase'

import { createTestDatabaseURL } from './testDatabase'

/**
 * Starts Payload through the Local API on a fresh database for one test file. Env is set before the
 * config is imported because the config reads it at import time.
 */
export const startPayload = async (label: string): Promise<Payload> => {
  process.env.DATABASE_URL = await createTestDatabaseURL(label)
  process.env.MEDIA_DIR = mkdtempSync(path.join(os.tmpdir(), `q-cms-media-${label}-`))
  const { default: config } = await import('@payload-config')
  return getPayload({ config })
}

export const stopPayload = async (payload: Payload | undefined): Promise<void> => {
  if (payload) await closeDatabase(payload)
}

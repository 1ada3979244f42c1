import { EMAIL_ADDRESS } from '@q-community/plugin-shared/emailAddress'
import { parse } from 'csv-parse/sync'

import { PROFESSIONS } from '@/fields/professions'
import { REGIONS } from '@/fields/regions'
import { TOPICS } from '@/fields/topics'

/** A row that cannot be imported, and why: what the import report lists. */
export type RejectedRow = { file: 'members' | 'connections'; line: number; reason: string }

export type MemberRow = {
  line: number
  name: string
  email: string
  profession: string
  organisation: string | null
  region: string
  interests: string[]
  joinedAt: string
  directoryVisible: boolean
  /** Consent to network analysis collected outside the CMS (optional column; absent means no). */
  networkAnalysis: boolean
}

export type ConnectionRow = { line: number; fromEmail: string; toEmail: string; acceptedAt: string }

const values = (options: readonly { value: string }[]) =>
  new Set(options.map((option) => option.value))
const regions = values(REGIONS)
const professions = values(PROFESSIONS)
const topics = values(TOPICS)

export const MEMBER_COLUMNS = ['name', 'email', 'profession', 'region'] as const
export const CONNECTION_COLUMNS = ['fromEmail', 'toEmail', 'acceptedAt'] as const

/** Parses CSV text with a header row; a file that is not CSV is one rejected row. */
export const parseCsv = (text: string, file: RejectedRow['file'], required: readonly string[]) => {
  try {
    const records = parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as Record<string, string>[]
    const header = records[0] ? Object.keys(records[0]) : []
    const missing = records.length > 0 ? required.filter((column) => !header.includes(column)) : []
    if (missing.length > 0)
      return {
        records: [],
        error: { file, line: 1, reason: `missing column(s): ${missing.join(', ')}` },
      }
    return { records, error: null }
  } catch (error) {
    return {
      records: [],
      error: {
        file,
        line: Number((error as { lines?: number }).lines ?? 1),
        reason: `not valid CSV: ${(error as Error).message}`,
      },
    }
  }
}

const isDay = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime())

/** Checks member rows (line numbers count the header as line 1). */
export const checkMemberRows = (records: Record<string, string>[]) => {
  const valid: MemberRow[] = []
  const rejected: RejectedRow[] = []
  const seen = new Set<string>()
  records.forEach((record, index) => {
    const line = index + 2
    const reject = (reason: string) => rejected.push({ file: 'members', line, reason })
    const email = (record.email ?? '').toLowerCase()
    const interests = (record.interests ?? '')
      .split(/[;|]/)
      .map((topic) => topic.trim())
      .filter(Boolean)
    const joinedAt = record.joinedAt || new Date().toISOString().slice(0, 10)
    if (!record.name) return reject('name is empty')
    if (!EMAIL_ADDRESS.test(email)) return reject('email is not an email address')
    if (seen.has(email)) return reject(`email ${email} appears twice in the file`)
    if (!professions.has(record.profession))
      return reject(`profession "${record.profession}" is not one of the list`)
    if (!regions.has(record.region))
      return reject(`region "${record.region}" is not one of the list`)
    const unknownTopic = interests.find((topic) => !topics.has(topic))
    if (unknownTopic) return reject(`interest "${unknownTopic}" is not one of the topics`)
    if (!isDay(joinedAt)) return reject('joinedAt must be a date written YYYY-MM-DD')
    const visibility = (record.directoryVisible ?? 'true').toLowerCase()
    if (!['true', 'false', 'yes', 'no', ''].includes(visibility))
      return reject('directoryVisible must be true or false')
    const analysis = (record.networkAnalysis ?? '').toLowerCase()
    if (!['true', 'false', 'yes', 'no', ''].includes(analysis))
      return reject('networkAnalysis must be true or false')
    seen.add(email)
    valid.push({
      line,
      name: record.name,
      email,
      profession: record.profession,
      organisation: record.organisation || null,
      region: record.region,
      interests,
      joinedAt: `${joinedAt}T00:00:00.000Z`,
      directoryVisible: !['false', 'no'].includes(visibility),
      networkAnalysis: ['true', 'yes'].includes(analysis),
    })
  })
  return { valid, rejected }
}

/** Checks connection rows against the members that will exist after the import. */
export const checkConnectionRows = (
  records: Record<string, string>[],
  knownEmails: Set<string>,
) => {
  const valid: ConnectionRow[] = []
  const rejected: RejectedRow[] = []
  const pairs = new Set<string>()
  records.forEach((record, index) => {
    const line = index + 2
    const reject = (reason: string) => rejected.push({ file: 'connections', line, reason })
    const fromEmail = (record.fromEmail ?? '').toLowerCase()
    const toEmail = (record.toEmail ?? '').toLowerCase()
    if (!knownEmails.has(fromEmail))
      return reject(`fromEmail ${fromEmail ? 'is not a member' : 'is empty'}`)
    if (!knownEmails.has(toEmail))
      return reject(`toEmail ${toEmail ? 'is not a member' : 'is empty'}`)
    if (fromEmail === toEmail) return reject('a member cannot connect to themself')
    const pair = [fromEmail, toEmail].sort().join(' ')
    if (pairs.has(pair)) return reject('the same two members appear twice')
    if (!isDay(record.acceptedAt ?? ''))
      return reject('acceptedAt must be a date written YYYY-MM-DD')
    pairs.add(pair)
    valid.push({ line, fromEmail, toEmail, acceptedAt: `${record.acceptedAt}T00:00:00.000Z` })
  })
  return { valid, rejected }
}

import { randomBytes } from 'node:crypto'

import {
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql'

import { readAllCells } from './readAllCells'

/**
 * Canary markers for the leak crawler: unique strings planted in private data, with the audience
 * that may see each. A response, page or email given to an actor outside that audience must not
 * contain the marker anywhere in its bytes.
 */

/** Who sees what: `public` everyone, `members` logged-in members and staff, `staff` staff only, `never` no API answer at all. */
export type Level = 'public' | 'members' | 'staff' | 'never'
const RANK: Record<Exclude<Level, 'never'>, number> = { public: 0, members: 1, staff: 2 }

export type Marker = {
  /** What the marker stands for, e.g. "Alice's email". */
  purpose: string
  value: string
  level: Level
  /** The identity that may see it whatever its level (the member whose email it is, the subscriber whose token it is). */
  owner?: string
}

/** Who receives a response or an email: an audience level and, optionally, an identity. */
export type Actor = { name: string; level: Exclude<Level, 'never'>; identity?: string }

export type Leak = { marker: string; purpose: string; actor: string; where: string }

/**
 * A unique marker: lower-case so that email addresses and searches keep it intact, and split by a
 * letter so that its random part never reads as a ten-digit NHS, CHI or H&C number (a bio holding
 * one is refused).
 */
export const canary = (purpose: string): string => {
  const random = randomBytes(5).toString('hex')
  return `canary-${purpose}-${random.slice(0, 5)}x${random.slice(5)}`
}

export const mayRead = (actor: Actor, marker: Marker): boolean =>
  (marker.owner !== undefined && marker.owner === actor.identity) ||
  (marker.level !== 'never' && RANK[actor.level] >= RANK[marker.level])

/**
 * Collects every marker the actor must not see in `text`. Text is searched as sent and with JSON
 * and URL escapes undone, so an address in a query string or an escaped JSON string still counts.
 */
export class LeakScanner {
  readonly leaks: Leak[] = []
  scanned = 0

  constructor(private readonly markers: () => Marker[]) {}

  scan(actor: Actor, where: string, text: string): void {
    this.scanned += 1
    const haystacks = [text.toLowerCase()]
    try {
      haystacks.push(decodeURIComponent(text).toLowerCase())
    } catch {
      // not URL-encoded text
    }
    haystacks.push(
      text
        .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
        .toLowerCase(),
    )
    for (const marker of this.markers()) {
      if (mayRead(actor, marker)) continue
      const needle = marker.value.toLowerCase()
      if (haystacks.some((haystack) => haystack.includes(needle))) {
        this.leaks.push({ marker: marker.value, purpose: marker.purpose, actor: actor.name, where })
      }
    }
  }

  report(): string {
    return this.leaks
      .map((leak) => `${leak.purpose} (${leak.marker}) seen by ${leak.actor} at ${leak.where}`)
      .join('\n')
  }
}

/** Column names that hold secrets: hashes, salts, tokens and keys. */
const SECRET_COLUMN = /(hash|salt|token|manage_key|secret|api_key)/i

export type SecretCell = {
  table: string
  column: string
  value: string
  row: Record<string, unknown>
}

/**
 * Every stored secret (hash, salt, token, key) with at least 16 characters, read straight from the
 * database the server uses: whatever a later change stores there, no API answer may carry it.
 */
export const readSecretCells = async (databaseURL: string): Promise<SecretCell[]> =>
  (await readAllCells(databaseURL)).flatMap(({ table, column, value, row }) =>
    SECRET_COLUMN.test(column) && typeof value === 'string' && value.length >= 16
      ? [{ table, column, value, row }]
      : [],
  )

const hasRequiredArgs = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)

/**
 * Every field the type exposes, objects followed `budget` levels deep (then only their `id`). Inside
 * a union, fields are aliased by type: two members may have one field name with different types.
 */
const selectionOf = (type: GraphQLType, budget: number, alias = ''): string | null => {
  const named = getNamedType(type)
  if (isObjectType(named) || isInterfaceType(named)) {
    const fields = Object.values(named.getFields()).filter((field) => !hasRequiredArgs(field))
    const name = (field: string) => (alias ? `${alias}_${field}: ${field}` : field)
    if (budget <= 0) return fields.some((field) => field.name === 'id') ? `{ ${name('id')} }` : null
    const parts = fields.flatMap((field) => {
      const inner = selectionOf(field.type, budget - 1)
      const leaf =
        !isObjectType(getNamedType(field.type)) &&
        !isInterfaceType(getNamedType(field.type)) &&
        !isUnionType(getNamedType(field.type))
      if (leaf) return [name(field.name)]
      return inner ? [`${name(field.name)} ${inner}`] : []
    })
    return parts.length > 0 ? `{ ${parts.join(' ')} }` : null
  }
  if (isUnionType(named)) {
    const members = named.getTypes().flatMap((member) => {
      const inner = selectionOf(member, budget, member.name)
      return inner ? [`... on ${member.name} ${inner}`] : []
    })
    return members.length > 0 ? `{ __typename ${members.join(' ')} }` : null
  }
  return ''
}

export type GraphQLRead = {
  name: string
  args: string[]
  selection: (budget: number) => string | null
  paginated: boolean
}

/**
 * Every read the schema offers without required arguments (lists, counts, versions, globals, `me`),
 * with a selection of every field it exposes.
 */
export const graphQLReads = (schema: GraphQLSchema): GraphQLRead[] => {
  const query = schema.getQueryType() as GraphQLObjectType
  return Object.values(query.getFields())
    .filter((field) => !hasRequiredArgs(field) && !field.name.startsWith('__'))
    .map((field) => {
      const named = getNamedType(field.type)
      const paginated =
        isObjectType(named) && 'docs' in named.getFields() && 'hasNextPage' in named.getFields()
      return {
        name: field.name,
        args: field.args.map((arg) => arg.name),
        paginated,
        selection: (budget: number) => {
          if (!paginated) return selectionOf(field.type, budget)
          const docs = (named as GraphQLObjectType).getFields().docs
          const inner = selectionOf(docs.type, budget)
          return inner ? `{ docs ${inner} totalDocs hasNextPage }` : null
        },
      }
    })
}

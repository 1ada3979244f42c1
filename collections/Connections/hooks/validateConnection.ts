import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { isStaffUser } from '@/access/checkRole'

import { SLUGS } from '../../slugs'

const idOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return idOf((value as { id?: unknown }).id)
  return String(value)
}

export const NOT_CONTACTABLE = 'This member does not take connection requests.'

const refuse = (path: string, message: string) =>
  new ValidationError({ collection: SLUGS.connections, errors: [{ path, message }] })

/**
 * Connection rules: a member requests in their own name; only the recipient accepts or declines a
 * pending request; no self-connection; one connection per pair of members, in either direction.
 * Staff (imports) may create accepted connections directly. `requestedAt`, `acceptedAt` and `source` are
 * stamped here: field access has already dropped any value a client sent (imports keep theirs).
 */
export const validateConnection: CollectionBeforeValidateHook = async ({
  data = {},
  operation,
  originalDoc,
  req,
}) => {
  const user = req.user
  // Access lets only editors, admins and members through, so no user means a Local API call with
  // overrideAccess (seed, import): trusted like staff.
  const staff = isStaffUser(user) || !user
  const now = new Date().toISOString()

  if (operation === 'update') {
    if (!originalDoc) return data
    const changesPair = ['from', 'to'].some(
      (field) => field in data && idOf(data[field]) !== idOf(originalDoc[field]),
    )
    if (changesPair && !staff)
      throw refuse(
        'to',
        'A connection cannot be moved to other members; decline it and request a new one.',
      )
    if (!staff && data.status !== undefined && data.status !== originalDoc.status) {
      if (originalDoc.status !== 'pending')
        throw refuse('status', 'Only a pending request can be accepted or declined.')
      if (!['accepted', 'declined'].includes(String(data.status)))
        throw refuse('status', 'status must be accepted or declined.')
    }
    const accepted = data.status === 'accepted' && originalDoc.status !== 'accepted'
    return { ...data, ...(accepted && !data.acceptedAt ? { acceptedAt: now } : {}) }
  }

  // Keep ids as given (numbers on SQL databases); compare them as strings.
  const from = staff ? data.from : user?.id
  const to = data.to
  if (!idOf(from)) throw refuse('from', 'from must be a member.')
  if (!idOf(to)) throw refuse('to', 'to must be the id of a member.')
  if (idOf(from) === idOf(to)) throw refuse('to', 'A member cannot connect to themself.')
  const members = await req.payload.count({
    collection: SLUGS.members,
    where: { id: { in: [idOf(from), idOf(to)] } },
    overrideAccess: true,
    req,
  })
  if (members.totalDocs < 2) throw refuse('to', 'to must be the id of an existing member.')
  // A member who takes no requests gets none; staff imports record connections made elsewhere.
  if (!staff) {
    const recipient = await req.payload.findByID({
      collection: SLUGS.members,
      id: idOf(to) ?? '',
      select: { contactable: true },
      overrideAccess: true,
      req,
    })
    if (recipient.contactable === false) throw refuse('to', NOT_CONTACTABLE)
  }
  const existing = await req.payload.count({
    collection: SLUGS.connections,
    where: {
      or: [
        { and: [{ from: { equals: idOf(from) } }, { to: { equals: idOf(to) } }] },
        { and: [{ from: { equals: idOf(to) } }, { to: { equals: idOf(from) } }] },
      ],
    },
    overrideAccess: true,
    req,
  })
  if (existing.totalDocs > 0)
    throw refuse('to', 'These two members already have a connection (or a pending request).')

  const status = staff ? (data.status ?? 'pending') : 'pending'
  return {
    ...data,
    from,
    to,
    status,
    source: staff ? (data.source ?? 'request') : 'request',
    requestedAt: data.requestedAt ?? now,
    acceptedAt: status === 'accepted' ? (data.acceptedAt ?? now) : null,
  }
}

import { SLUGS } from '@collections/slugs'
import { documented } from '@q-community/plugin-shared/openapi'
import { actionPage, htmlPage, readBody, wantsHtml } from '@q-community/plugin-shared/pages'
import type { Endpoint, PayloadRequest } from 'payload'

import { inTransaction } from '@/db/inTransaction'
import { badRequest, errorResponse } from '@/http/errorResponses'

import { memberIdOf, staffRefusal } from './access'
import {
  CONFIRM_ERASURE_DOC,
  CONFIRM_ERASURE_PAGE_DOC,
  REQUEST_ERASURE_DOC,
  STAFF_ERASURE_DOC,
} from './endpointDocs'
import { eraseMember, type ErasureCounts } from './eraseMember'
import { loadMember } from './exportEndpoints'
import {
  createErasureToken,
  ERASURE_LINK_LIFETIME_MS,
  ERASURE_MESSAGES,
  erasureExpiry,
  erasureReason,
  erasureTokenState,
  hashErasureToken,
  isWellFormedErasureToken,
  scrubReason,
} from './rules'
import { erasureConfirmationEmail } from './templates'

const withStatus = (response: Response, status: number) =>
  new Response(response.body, { status, headers: response.headers })

const refuseToken = (req: PayloadRequest, message: string, status: 400 | 410) =>
  wantsHtml(req)
    ? htmlPage('Link not valid', <p>{message}</p>, status)
    : withStatus(badRequest('token', message), status)

const confirmURL = (req: PayloadRequest, token?: string) =>
  `${req.payload.config.serverURL}${req.payload.config.routes.api}/${SLUGS.members}/erase/confirm${
    token ? `?token=${token}` : ''
  }`

/** `POST /api/members/me/erase`: a new pending request (earlier ones cancelled) and the email. */
const requestErasure: Endpoint = {
  path: '/me/erase',
  method: 'post',
  handler: async (req) => {
    const memberId = memberIdOf(req)
    if (memberId === null) return errorResponse(401, ERASURE_MESSAGES.logIn)
    const member = await loadMember(req, memberId)
    if (!member) return errorResponse(401, ERASURE_MESSAGES.logIn)
    const token = createErasureToken()
    const now = new Date()
    await inTransaction(req, async () => {
      await req.payload.update({
        collection: SLUGS.erasureRequests,
        where: { and: [{ member: { equals: memberId } }, { status: { equals: 'pending' } }] },
        data: { status: 'cancelled', tokenHash: null },
        overrideAccess: true,
        req,
      })
      await req.payload.create({
        collection: SLUGS.erasureRequests,
        data: {
          member: memberId,
          status: 'pending',
          source: 'member',
          requestedAt: now.toISOString(),
          expiresAt: erasureExpiry(now).toISOString(),
          tokenHash: hashErasureToken(token),
        },
        overrideAccess: true,
        req,
      })
    })
    // After the write, and never failing it: the member can ask again.
    try {
      const email = await erasureConfirmationEmail({
        name: member.name,
        confirmURL: confirmURL(req, token),
        lifetimeHours: ERASURE_LINK_LIFETIME_MS / 3_600_000,
      })
      await req.payload.sendEmail({ to: member.email, ...email })
    } catch (err) {
      req.payload.logger.error({
        err,
        msg: 'could not send the erasure confirmation',
        member: memberId,
      })
    }
    return Response.json(
      { message: ERASURE_MESSAGES.requested },
      { status: 202, headers: { 'Cache-Control': 'private, no-store' } },
    )
  },
}

/** `GET /api/members/erase/confirm?token=`: a page with a button; opening it erases nothing. */
const confirmPage: Endpoint = {
  path: '/erase/confirm',
  method: 'get',
  handler: async (req) => {
    const token = req.searchParams.get('token')
    if (!isWellFormedErasureToken(token))
      return htmlPage('Link not valid', <p>{ERASURE_MESSAGES.invalidToken}</p>, 400)
    return actionPage(
      'Erase your account',
      'Erase your Q account and the personal data held with it? This cannot be undone. Your comments stay, under "Former member".',
      confirmURL(req),
      token,
      'Erase my account',
    )
  },
}

const findRequest = async (req: PayloadRequest, token: string) => {
  const { docs } = await req.payload.find({
    collection: SLUGS.erasureRequests,
    where: { tokenHash: { equals: hashErasureToken(token) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  return docs[0] ?? null
}

/** `POST /api/members/erase/confirm` (form or JSON `{ token }`): erases, once. */
const confirmErasure: Endpoint = {
  path: '/erase/confirm',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req)
    const token = req.searchParams.get('token') ?? body?.token
    if (!isWellFormedErasureToken(token))
      return refuseToken(req, ERASURE_MESSAGES.invalidToken, 400)
    const erased = await inTransaction(req, async () => {
      const request = await findRequest(req, token)
      if (erasureTokenState(request, new Date()) === 'gone' || !request?.member) return false
      const memberId = typeof request.member === 'object' ? request.member.id : request.member
      const member = await loadMember(req, memberId)
      if (!member) return false
      await eraseMember(req, member)
      await req.payload.update({
        collection: SLUGS.erasureRequests,
        id: request.id,
        data: {
          status: 'completed',
          completedAt: new Date().toISOString(),
          member: null,
          tokenHash: null,
        },
        overrideAccess: true,
        req,
      })
      return true
    })
    if (!erased) return refuseToken(req, ERASURE_MESSAGES.usedOrExpired, 410)
    req.payload.logger.info({ msg: 'a member erased their account' })
    return wantsHtml(req)
      ? htmlPage('Account erased', <p>{ERASURE_MESSAGES.erased}</p>)
      : Response.json(
          { message: ERASURE_MESSAGES.erased, erased: true },
          { headers: { 'Cache-Control': 'private, no-store' } },
        )
  },
}

/** `POST /api/members/:id/erase` (admins, `{ reason }`): erases at once and logs why, namelessly. */
const staffErasure: Endpoint = {
  path: '/:id/erase',
  method: 'post',
  handler: async (req) => {
    const refusal = staffRefusal(req, true)
    if (refusal) return refusal
    const body = await readBody(req)
    const reason = erasureReason(body?.reason)
    if (!reason) return badRequest('reason', ERASURE_MESSAGES.reasonRequired)
    const id = req.routeParams?.id
    const member =
      typeof id === 'string' || typeof id === 'number' ? await loadMember(req, id) : null
    if (!member) return withStatus(badRequest('id', ERASURE_MESSAGES.noMember), 404)
    const staffId = req.user?.id
    const counts: ErasureCounts = await inTransaction(req, async () => {
      const now = new Date().toISOString()
      const erasedCounts = await eraseMember(req, member)
      await req.payload.create({
        collection: SLUGS.erasureRequests,
        data: { status: 'completed', source: 'staff', requestedAt: now, completedAt: now },
        overrideAccess: true,
        req,
      })
      await req.payload.create({
        collection: SLUGS.privacyLog,
        data: {
          action: 'member-erased-by-staff',
          reason: scrubReason(reason, [member.name, member.email, member.pendingEmail]),
          by: typeof staffId === 'number' ? staffId : null,
          at: now,
          counts: erasedCounts,
        },
        overrideAccess: true,
        req,
      })
      return erasedCounts
    })
    req.payload.logger.info({ msg: 'staff erased a member', by: staffId })
    return Response.json(
      { message: ERASURE_MESSAGES.erased, erased: true, counts },
      { headers: { 'Cache-Control': 'private, no-store' } },
    )
  },
}

export const eraseEndpoints: Endpoint[] = [
  documented(requestErasure, REQUEST_ERASURE_DOC),
  documented(confirmPage, CONFIRM_ERASURE_PAGE_DOC),
  documented(confirmErasure, CONFIRM_ERASURE_DOC),
  documented(staffErasure, STAFF_ERASURE_DOC),
]

import { documented } from '@q-community/plugin-shared/openapi'
import { actionPage, htmlPage, readBody, wantsHtml } from '@q-community/plugin-shared/pages'
import type { Endpoint, PayloadRequest } from 'payload'

import { maskEmail } from '@/email/maskEmail'
import { badRequest } from '@/http/errorResponses'

import { SLUGS } from '../../slugs'
import { CONFIRM_EMAIL_DOC, CONFIRM_EMAIL_PAGE_DOC } from '../endpointDocs'
import {
  APPLYING_CONFIRMED_EMAIL_CHANGE,
  EMAIL_CHANGE_MESSAGES,
  hashEmailChangeToken,
  isExpired,
  isWellFormedEmailChangeToken,
} from './rules'

type PendingMember = {
  id: number | string
  email: string
  pendingEmail?: string | null
  pendingEmailExpiresAt?: string | null
}

const refuse = (req: PayloadRequest, field: 'token' | 'email', message: string, status = 400) => {
  if (wantsHtml(req)) return htmlPage('Link not valid', <p>{message}</p>, status)
  const response = badRequest(field, message)
  return status === 400
    ? response
    : new Response(response.body, { status, headers: response.headers })
}

const findByToken = async (req: PayloadRequest, token: string) => {
  const { docs } = await req.payload.find({
    collection: SLUGS.members,
    where: { pendingEmailTokenHash: { equals: hashEmailChangeToken(token) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  return (docs[0] as PendingMember | undefined) ?? null
}

const addressTaken = async (req: PayloadRequest, email: string, memberId: number | string) =>
  (
    await req.payload.count({
      collection: SLUGS.members,
      where: { and: [{ email: { equals: email } }, { id: { not_equals: memberId } }] },
      overrideAccess: true,
      req,
    })
  ).totalDocs > 0

/**
 * `GET /api/members/confirm-email?token=` shows a button and changes nothing (mail scanners open
 * links); `POST` (form or JSON `{ token }`) applies the held change once: the token's hash is
 * cleared in the same write, so a second use finds nothing (400 naming `token`).
 */
export const confirmEmailEndpoints: Endpoint[] = [
  documented<Endpoint>(
    {
      path: '/confirm-email',
      method: 'get',
      handler: async (req) => {
        const token = req.searchParams.get('token')
        if (!isWellFormedEmailChangeToken(token))
          return htmlPage('Link not valid', <p>{EMAIL_CHANGE_MESSAGES.invalidToken}</p>, 400)
        return actionPage(
          'Confirm your new address',
          'Use this address for your Q account from now on?',
          `${req.payload.config.serverURL}${req.payload.config.routes.api}/${SLUGS.members}/confirm-email`,
          token,
          'Use this address',
        )
      },
    },
    CONFIRM_EMAIL_PAGE_DOC,
  ),
  documented<Endpoint>(
    {
      path: '/confirm-email',
      method: 'post',
      handler: async (req) => {
        const body = await readBody(req)
        const token = req.searchParams.get('token') ?? body?.token
        if (!isWellFormedEmailChangeToken(token))
          return refuse(req, 'token', EMAIL_CHANGE_MESSAGES.invalidToken)
        const member = await findByToken(req, token)
        if (!member?.pendingEmail || isExpired(member.pendingEmailExpiresAt))
          return refuse(req, 'token', EMAIL_CHANGE_MESSAGES.invalidToken)
        const newEmail = member.pendingEmail
        if (await addressTaken(req, newEmail, member.id))
          return refuse(req, 'email', EMAIL_CHANGE_MESSAGES.taken, 409)
        try {
          await req.payload.update({
            collection: SLUGS.members,
            id: member.id,
            data: {
              email: newEmail,
              pendingEmail: null,
              pendingEmailTokenHash: null,
              pendingEmailExpiresAt: null,
            },
            overrideAccess: true,
            context: { [APPLYING_CONFIRMED_EMAIL_CHANGE]: true },
            req,
          })
        } catch (error) {
          // The unique index caught an address taken in the meantime.
          if (await addressTaken(req, newEmail, member.id))
            return refuse(req, 'email', EMAIL_CHANGE_MESSAGES.taken, 409)
          throw error
        }
        req.payload.logger.info({
          msg: 'member confirmed their new email address',
          member: member.id,
          from: maskEmail(member.email),
          to: maskEmail(newEmail),
        })
        return wantsHtml(req)
          ? htmlPage(
              'Address changed',
              <p>Your Q account now uses this address. Log in with it from now on.</p>,
            )
          : Response.json({ message: 'Email address changed.', email: newEmail })
      },
    },
    CONFIRM_EMAIL_DOC,
  ),
]

import type { Plugin } from 'payload'

import { checkRole } from '@/access/checkRole'
import type { RequestUser } from '@/access/checkRole'
import { settings } from '@/config/settings'
import { CLIENT_ADDRESS_HEADER } from '@/config/headers'

import { commentModeration } from './comment-moderation'
import { emailSubscriptions } from './email-subscriptions'

/**
 * Every plugin the CMS runs, in order. First-party plugins live in their own folders here
 * (see plugins/README.md).
 */
export const plugins: Plugin[] = [
  commentModeration({
    collections: ['blogs', 'interviews'],
    authorCollection: 'members',
    staffCollection: 'users',
    isModerator: (user) => checkRole(['admin', 'moderator'], user as RequestUser),
    // The express host sets this header from the connection (honouring TRUST_PROXY) and
    // overwrites anything a client sent.
    clientAddress: (req) => req.headers.get(CLIENT_ADDRESS_HEADER) || undefined,
    documentURL: ({ collection, doc }) => `${settings.frontendURL}/${collection}/${String(doc.id)}`,
    disabled: !settings.commentModerationEnabled,
  }),
  emailSubscriptions({
    topics: ['blogs', 'interviews', 'events', 'lab-themes', 'evaluation-reports'],
    serverURL: settings.serverURL,
    unsubscribeMailto: settings.emailFrom.address,
    bounceSecret: settings.bounceSecret,
    clientAddress: (req) => req.headers.get(CLIENT_ADDRESS_HEADER) || undefined,
  }),
]

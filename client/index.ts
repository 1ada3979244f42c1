import { PayloadSDK } from '@payloadcms/sdk'

import type { Config } from './payload-types'

export type * from './payload-types'

/** A REST client whose collections, fields, `select` and `where` are typed by this CMS's config. */
export type CMSClient = PayloadSDK<Config>

/**
 * A typed client for the CMS at `cmsURL` (its origin, e.g. `https://cms.example.org`; the REST
 * API is under `/api`). `init` is sent with every request: credentials, headers, Next's cache tags.
 */
export const createCMSClient = (cmsURL: string, init?: RequestInit): CMSClient =>
  new PayloadSDK<Config>({ baseURL: `${cmsURL.replace(/\/+$/, '')}/api`, baseInit: init })

import { isIP } from 'node:net'
import path from 'node:path'

import { resolvePayloadSecret } from './payloadSecret'

/**
 * Every setting the CMS reads from the environment, in one place, with its default.
 * `.env.example` documents the same names.
 */
const intFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`)
  }
  return value
}

/** An integer whose default lives elsewhere (in the plugin that reads it): undefined when unset. */
const optionalIntFromEnv = (name: string): number | undefined =>
  process.env[name] ? intFromEnv(name, 0) : undefined

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal']

/** Parses `TRUST_PROXY` (see `settings.trustProxy`); throws a message naming the variable on anything else. */
export const parseTrustProxy = (value: string | undefined): false | number | string[] => {
  const raw = (value ?? '').trim()
  if (raw === '' || raw === 'false' || raw === '0') return false
  if (/^\d+$/.test(raw)) return Number(raw)
  if (raw === 'true') {
    throw new Error(
      'TRUST_PROXY=true trusts every X-Forwarded-For hop, so any client could choose its own address and escape the rate limits. ' +
        'Set the number of proxies in front of the CMS (TRUST_PROXY=1 behind one load balancer) or their addresses (TRUST_PROXY=10.0.0.5 or 10.0.0.0/8).',
    )
  }
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/')
    // A subnet wider than /8, e.g. 0.0.0.0/0, would trust most of the internet: the same as `true`.
    const validPrefix =
      prefix === undefined ||
      (/^\d+$/.test(prefix) &&
        Number(prefix) >= 8 &&
        Number(prefix) <= (isIP(address) === 6 ? 128 : 32))
    if (!PROXY_NAMES.includes(entry) && (rest.length > 0 || isIP(address) === 0 || !validPrefix)) {
      throw new Error(
        `TRUST_PROXY must be a hop count or a comma-separated list of proxy addresses or subnets; "${entry}" is neither.`,
      )
    }
  }
  return entries
}

export const settings = {
  get port(): number {
    return intFromEnv('PORT', 3000)
  },
  get host(): string {
    return process.env.HOST || '127.0.0.1'
  },
  get serverURL(): string {
    return (process.env.SERVER_URL || `http://localhost:${intFromEnv('PORT', 3000)}`).replace(
      /\/$/,
      '',
    )
  },
  get databaseURL(): string {
    return process.env.DATABASE_URL || 'file:./data/q.db'
  },
  get payloadSecret(): string {
    return resolvePayloadSecret()
  },
  get mediaDir(): string {
    return path.resolve(process.env.MEDIA_DIR || path.join(process.cwd(), 'media'))
  },
  /** Where readers see content (links in emails). Defaults to the CMS's own address. */
  get frontendURL(): string {
    return (process.env.FRONTEND_URL || this.serverURL).replace(/\/$/, '')
  },
  get corsOrigins(): string[] {
    return (process.env.CORS_ORIGINS || '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean)
  },
  get graphQLMaxDepth(): number {
    return intFromEnv('GRAPHQL_MAX_DEPTH', 8)
  },
  get graphQLMaxComplexity(): number {
    return intFromEnv('GRAPHQL_MAX_COMPLEXITY', 1000)
  },
  /** GraphQL: root fields (aliases included) one operation may ask for. */
  get graphQLMaxRootFields(): number {
    return intFromEnv('GRAPHQL_MAX_ROOT_FIELDS', 20)
  },
  /** GraphQL: documents one operation may read, counted from its `limit` arguments and nesting. */
  get graphQLMaxDocuments(): number {
    return intFromEnv('GRAPHQL_MAX_DOCUMENTS', 1000)
  },
  /** Largest `limit` (REST and GraphQL) anyone but staff may ask for. */
  get apiMaxLimit(): number {
    return intFromEnv('API_MAX_LIMIT', 100)
  },
  /** Deepest `depth` (relationship population) anyone but staff may ask for. */
  get apiMaxDepth(): number {
    return intFromEnv('API_MAX_DEPTH', 2)
  },
  get uploadMaxBytes(): number {
    return intFromEnv('UPLOAD_MAX_BYTES', 20 * 1024 * 1024)
  },
  get jsonBodyMaxBytes(): number {
    return intFromEnv('JSON_BODY_MAX_BYTES', 1024 * 1024)
  },
  /** Largest GraphQL request body: validating a huge query costs seconds before any limit refuses it. */
  get graphQLBodyMaxBytes(): number {
    return intFromEnv('GRAPHQL_BODY_MAX_BYTES', 100 * 1024)
  },
  get loginRateLimit(): number {
    return intFromEnv('LOGIN_RATE_LIMIT', 10)
  },
  /** Comments one client address may post per minute (express limit; the policy's flood interval also applies). */
  get commentRateLimit(): number {
    return intFromEnv('COMMENT_RATE_LIMIT', 20)
  },
  /** Subscribe requests one client address may make per hour. */
  get subscribeRateLimit(): number {
    return intFromEnv('SUBSCRIBE_RATE_LIMIT', 20)
  },
  /** Member data exports (`/api/members/me/export`, `/:id/export`) one client address may make per hour. */
  get memberExportRateLimit(): number {
    return intFromEnv('MEMBER_EXPORT_RATE_LIMIT', 20)
  },
  /** Erasure requests, confirmations and staff erasures one client address may make per hour. */
  get memberEraseRateLimit(): number {
    return intFromEnv('MEMBER_ERASE_RATE_LIMIT', 20)
  },
  /** Searches one client address may make per minute (`GET /api/search`; cached answers are free). */
  get searchRateLimit(): number {
    return intFromEnv('SEARCH_RATE_LIMIT', 120)
  },
  /**
   * Feeds, calendars and sitemaps one client address may have built per minute. Anonymous readers
   * are answered from the read cache and never counted; a request that bypasses it (credentials)
   * builds the document again (a sitemap may be 50,000 URLs).
   */
  get syndicationRateLimit(): number {
    return intFromEnv('SYNDICATION_RATE_LIMIT', 60)
  },
  get loginRateWindowMs(): number {
    return intFromEnv('LOGIN_RATE_WINDOW_MS', 15 * 60 * 1000)
  },
  /**
   * `TRUST_PROXY`: which proxies in front of the CMS may tell it the client's address through
   * `X-Forwarded-For`. A hop count (`1` behind one load balancer) or a comma-separated list of proxy
   * addresses/subnets (`10.0.0.5`, `10.0.0.0/8`, or `loopback`, `linklocal`, `uniquelocal`);
   * `false` or unset: none, the connection's address counts. `true` is refused: it trusts every
   * hop, so any client would choose its own address (and escape every per-address limit).
   */
  get trustProxy(): false | number | string[] {
    return parseTrustProxy(process.env.TRUST_PROXY)
  },
  /**
   * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than a load
   * balancer's idle timeout (60 s on the common ones) and than a busy client's reuse: the server then
   * closes a connection just as a request arrives on it, and that request gets a reset (a 502
   * behind a proxy). Keep it above the balancer's idle timeout.
   */
  /**
   * URLs in one sitemap file (the protocol's limit is 50,000). Above it `/api/sitemap.xml` is an
   * index of `/api/sitemaps/<n>.xml` files.
   */
  get sitemapMaxURLs(): number {
    return Math.max(1, intFromEnv('SITEMAP_MAX_URLS', 50_000))
  },
  /** The public read cache (`READ_CACHE=off` turns it off). */
  get readCacheEnabled(): boolean {
    return !['off', 'false', '0'].includes((process.env.READ_CACHE ?? '').trim().toLowerCase())
  },
  /** The read cache's memory budget, all encodings of every response counted. */
  get readCacheMaxBytes(): number {
    return intFromEnv('READ_CACHE_MB', 64) * 1024 * 1024
  },
  /** Longest a cached response is kept; only date-dependent figures need it, writes invalidate at once. */
  get readCacheTtlSeconds(): number {
    return intFromEnv('READ_CACHE_TTL_SECONDS', 60)
  },
  /** `Cache-Control: s-maxage` of public reads: how long a CDN may keep them (0 = not at all). */
  get readCacheSharedMaxAgeSeconds(): number {
    return intFromEnv('READ_CACHE_S_MAXAGE', 10)
  },
  /** `Cache-Control: stale-while-revalidate` of public reads. */
  get readCacheStaleWhileRevalidateSeconds(): number {
    return intFromEnv('READ_CACHE_STALE_WHILE_REVALIDATE', 30)
  },
  get keepAliveTimeoutMs(): number {
    return intFromEnv('KEEP_ALIVE_TIMEOUT_MS', 65_000)
  },
  get shutdownTimeoutMs(): number {
    return intFromEnv('SHUTDOWN_TIMEOUT_MS', 10_000)
  },
  get seedOnStart(): boolean {
    return process.env.SEED !== 'false'
  },
  /** COMMENT_MODERATION=off keeps the comments schema but switches the plugin's behaviour off. */
  get commentModerationEnabled(): boolean {
    return process.env.COMMENT_MODERATION !== 'off'
  },
  get runJobs(): boolean {
    return process.env.JOBS_AUTORUN !== 'false'
  },
  /** How often the default jobs queue (scheduled publishing, comment digests) is worked: a cron, seconds allowed. */
  get jobsCron(): string {
    return process.env.JOBS_CRON || '* * * * *'
  },
  /** Shared secret of the mail provider's bounce webhook (POST /api/subscribers/bounce). Unset: bounces are refused. */
  get bounceSecret(): string | undefined {
    return process.env.BOUNCE_SECRET || undefined
  },
  /**
   * Tuning of the update emails: how often the queue is worked, subscribers per batch, and after how
   * long a stopped worker's half-sent mailing is resumed. Only what the environment sets: the
   * defaults are the plugin's (plugins/email-subscriptions/defaults.ts).
   */
  get subscriptions() {
    return {
      queueCron: process.env.SUBSCRIPTIONS_QUEUE_CRON || undefined,
      maintenanceCron: process.env.SUBSCRIPTIONS_MAINTENANCE_CRON || undefined,
      batchSize: optionalIntFromEnv('SUBSCRIPTIONS_BATCH_SIZE'),
      claimTimeoutSeconds: optionalIntFromEnv('SUBSCRIPTIONS_CLAIM_TIMEOUT_SECONDS'),
      retryDelayMs: optionalIntFromEnv('SUBSCRIPTIONS_RETRY_DELAY_MS'),
      digestCron: process.env.SUBSCRIPTIONS_DIGEST_CRON || undefined,
      digestTimeZone: process.env.SUBSCRIPTIONS_DIGEST_TIME_ZONE || undefined,
    }
  },
  /**
   * Signed webhooks: how often their queue is worked (a cron, seconds allowed), how many times a
   * failed delivery is retried and the first retry's delay (doubling each time), the request
   * timeout, how long the delivery log is kept, and whether receivers may be on loopback, private
   * or link-local addresses (refused by default: the CMS would otherwise probe its own network).
   */
  get webhooks() {
    return {
      queueCron: process.env.WEBHOOKS_QUEUE_CRON || '*/10 * * * * *',
      retryAttempts: intFromEnv('WEBHOOKS_RETRY_ATTEMPTS', 10),
      retryDelayMs: intFromEnv('WEBHOOKS_RETRY_DELAY_MS', 30_000),
      timeoutMs: intFromEnv('WEBHOOKS_TIMEOUT_MS', 10_000),
      logRetentionDays: intFromEnv('WEBHOOKS_LOG_RETENTION_DAYS', 30),
      allowPrivateURLs: process.env.WEBHOOKS_ALLOW_PRIVATE_URLS === 'true',
    }
  },
  /** Network exports for evaluators: how often their queue is worked (a cron, seconds allowed). */
  get networkExports() {
    return { queueCron: process.env.NETWORK_EXPORTS_QUEUE_CRON || '*/10 * * * * *' }
  },
  get smtp() {
    return {
      host: process.env.SMTP_HOST || '',
      port: intFromEnv('SMTP_PORT', 587),
      user: process.env.SMTP_USER || '',
      pass: process.env.SMTP_PASS || '',
      secure: process.env.SMTP_SECURE === 'true',
    }
  },
  get emailFrom(): { address: string; name: string } {
    return {
      address: process.env.EMAIL_FROM || 'updates@q-community.example',
      name: process.env.EMAIL_FROM_NAME || 'Q Community',
    }
  },
}

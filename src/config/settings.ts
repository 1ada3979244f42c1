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

export const settings = {
  get port(): number {
    return intFromEnv('PORT', 3000)
  },
  get host(): string {
    return process.env.HOST || '127.0.0.1'
  },
  get serverURL(): string {
    return (process.env.SERVER_URL || `http://localhost:${intFromEnv('PORT', 3000)}`).replace(/\/$/, '')
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
    return (process.env.CORS_ORIGINS || '').split(',').map((origin) => origin.trim()).filter(Boolean)
  },
  get graphQLMaxDepth(): number {
    return intFromEnv('GRAPHQL_MAX_DEPTH', 8)
  },
  get graphQLMaxComplexity(): number {
    return intFromEnv('GRAPHQL_MAX_COMPLEXITY', 1000)
  },
  get uploadMaxBytes(): number {
    return intFromEnv('UPLOAD_MAX_BYTES', 20 * 1024 * 1024)
  },
  get jsonBodyMaxBytes(): number {
    return intFromEnv('JSON_BODY_MAX_BYTES', 1024 * 1024)
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
  get loginRateWindowMs(): number {
    return intFromEnv('LOGIN_RATE_WINDOW_MS', 15 * 60 * 1000)
  },
  /** `TRUST_PROXY`: "true", "false", a hop count, or a comma-separated list of addresses/subnets. */
  get trustProxy(): boolean | number | string {
    const raw = (process.env.TRUST_PROXY || 'false').trim()
    if (raw === 'true') return true
    if (raw === 'false' || raw === '') return false
    if (/^\d+$/.test(raw)) return Number(raw)
    return raw
  },
  /**
   * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than a load
   * balancer's idle timeout (60 s on the common ones) and than a busy client's reuse: the server then
   * closes a connection just as a request arrives on it, and that request gets a reset (a 502
   * behind a proxy). Keep it above the balancer's idle timeout.
   */
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
  /** Shared secret of the mail provider's bounce webhook (POST /api/subscribers/bounce). Unset: bounces are refused. */
  get bounceSecret(): string | undefined {
    return process.env.BOUNCE_SECRET || undefined
  },
  /**
   * Tuning of the update emails (see plugins/email-subscriptions): how often the queue is worked,
   * subscribers per batch, and after how long a stopped worker's half-sent mailing is resumed.
   */
  get subscriptions() {
    return {
      queueCron: process.env.SUBSCRIPTIONS_QUEUE_CRON || '*/10 * * * * *',
      maintenanceCron: process.env.SUBSCRIPTIONS_MAINTENANCE_CRON || '* * * * *',
      batchSize: intFromEnv('SUBSCRIPTIONS_BATCH_SIZE', 500),
      claimTimeoutSeconds: intFromEnv('SUBSCRIPTIONS_CLAIM_TIMEOUT_SECONDS', 300),
      retryDelayMs: intFromEnv('SUBSCRIPTIONS_RETRY_DELAY_MS', 5000),
    }
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

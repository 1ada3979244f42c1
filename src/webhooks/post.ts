import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'

import { ERROR_MESSAGE_MAX, RESPONSE_EXCERPT_MAX } from './constants'
import { isPrivateAddress } from './rules/addresses'

/** What one POST to a receiver came to. */
export type PostResult = {
  /** The HTTP status, or null when no response came (refused, timed out, refused address). */
  status: number | null
  /** The start of the response body (at most RESPONSE_EXCERPT_MAX characters). */
  body: string
  durationMs: number
  error?: string
}

const PRIVATE_ADDRESS_MESSAGE =
  'The receiver resolves to a loopback, private or link-local address.'

/**
 * A DNS lookup that refuses names resolving to private addresses. The check happens on the very
 * addresses the socket then connects to, so a name that answers a public address when the webhook
 * is saved and 127.0.0.1 when it is delivered (DNS rebinding) is still refused.
 */
export const guardedLookup =
  (allowPrivate: boolean): LookupFunction =>
  (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0)
      if (!allowPrivate && addresses.some(({ address }) => isPrivateAddress(address)))
        return callback(Object.assign(new Error(PRIVATE_ADDRESS_MESSAGE), { code: 'EPRIVATE' }), '')
      if (options.all) return callback(null, addresses)
      const [first] = addresses
      if (!first) return callback(Object.assign(new Error('No address'), { code: 'ENOTFOUND' }), '')
      return callback(null, first.address, first.family)
    })
  }

const shortError = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MESSAGE_MAX)

/**
 * POSTs a JSON body: no redirects followed (a 3xx is a failed delivery), a fresh connection each
 * time, and the whole exchange — connect, headers, the start of the body — within `timeoutMs`.
 * Never throws: failures come back as `error`.
 */
export const postJSON = ({
  url,
  headers,
  body,
  timeoutMs,
  allowPrivate,
}: {
  url: string
  headers: Record<string, string>
  body: string
  timeoutMs: number
  allowPrivate: boolean
}): Promise<PostResult> => {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  return new Promise<PostResult>((resolve) => {
    let settled = false
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return
      settled = true
      resolve({ ...result, durationMs: elapsed() })
    }
    const target = new URL(url)
    const literal = target.hostname.replace(/^\[|\]$/g, '')
    // An IP literal is connected to without a lookup: check it here.
    if (!allowPrivate && isIP(literal) && isPrivateAddress(literal))
      return finish({ status: null, body: '', error: PRIVATE_ADDRESS_MESSAGE })
    const client = target.protocol === 'https:' ? https : http
    const request = client.request(
      target,
      {
        method: 'POST',
        agent: false,
        lookup: guardedLookup(allowPrivate),
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Q-Community-CMS-Webhooks/1.0',
        },
      },
      (response) => {
        let excerpt = ''
        response.setEncoding('utf8')
        const done = () => {
          finish({ status: response.statusCode ?? null, body: excerpt })
          response.destroy()
        }
        response.on('data', (chunk: string) => {
          excerpt = (excerpt + chunk).slice(0, RESPONSE_EXCERPT_MAX)
          // Enough for the log: the rest of a large body is not read.
          if (excerpt.length >= RESPONSE_EXCERPT_MAX) done()
        })
        response.on('end', done)
        response.on('error', done)
      },
    )
    request.on('error', (error) => {
      const message =
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? `No response within ${timeoutMs} ms.`
          : shortError(error)
      finish({ status: null, body: '', error: message })
    })
    request.end(body)
  })
}

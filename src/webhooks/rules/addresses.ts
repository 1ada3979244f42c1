import { isIP } from 'node:net'

import ipaddr from 'ipaddr.js'

/**
 * Global unicast IPv6 (2000::/3): everything outside it is loopback, unspecified, IPv4-compatible
 * (`::7f00:1`) or -mapped, NAT64 (64:ff9b::/96, 64:ff9b:1::/48), discard (100::/64), unique- or
 * site-local (fc00::/7, fec0::/10), link-local or multicast.
 */
const globalUnicastV6 = ipaddr.parseCIDR('2000::/3')

/**
 * Whether an IP address (v4 or v6) is loopback, private, link-local or otherwise not public, so a
 * webhook must not reach it unless WEBHOOKS_ALLOW_PRIVATE_URLS=true: otherwise any admin account
 * (or a stolen one) could make the server probe and post to internal services (cloud metadata at
 * 169.254.169.254 among them). Public means ipaddr.js's `unicast` range, i.e. none of its special
 * ranges (private, loopback, link-local, carrier-grade NAT, reserved, multicast, …); for IPv6 also
 * inside 2000::/3. IPv6 that embeds an IPv4 address (6to4 2002::/16, Teredo 2001::/32, NAT64,
 * mapped, compatible) is refused as a whole, whatever address it embeds.
 */
export const isPrivateAddress = (address: string): boolean => {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0]
  if (!isIP(bare)) return true // not an address at all: never "public"
  const parsed = ipaddr.parse(bare)
  if (parsed.range() !== 'unicast') return true
  return parsed.kind() === 'ipv6' && !parsed.match(globalUnicastV6)
}

/** Host names that always mean this machine, whatever DNS says. */
const isLocalName = (hostname: string): boolean =>
  /(^|\.)localhost\.?$/i.test(hostname) || /\.local\.?$/i.test(hostname)

/**
 * Why a webhook URL is refused when saved, or undefined when it is acceptable: http(s) only, no
 * credentials in it, and — unless private addresses are allowed — no IP literal or local name
 * that points inside. Names are resolved again at delivery time (see `guardedLookup`).
 */
export const webhookURLProblem = (value: unknown, allowPrivate: boolean): string | undefined => {
  if (typeof value !== 'string' || !value.trim()) return 'A URL is required.'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Must be an absolute http(s) URL.'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Must be an http(s) URL.'
  if (url.username || url.password) return 'Must not contain a user name or password.'
  if (allowPrivate) return undefined
  const hostname = url.hostname.replace(/^\[|\]$/g, '')
  if (isLocalName(hostname) || (isIP(hostname) && isPrivateAddress(hostname)))
    return 'Must not point at a loopback, private or link-local address.'
  return undefined
}

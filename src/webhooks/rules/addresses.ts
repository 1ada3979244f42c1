import { BlockList, isIP } from 'node:net'

/**
 * Addresses a webhook must not reach unless WEBHOOKS_ALLOW_PRIVATE_URLS=true: the CMS's own
 * machine and network (loopback, private, link-local — cloud metadata at 169.254.169.254 —,
 * carrier-grade NAT, unique-local), "this network", multicast and reserved ranges. Otherwise any
 * admin account (or a stolen one) could make the server probe and post to internal services.
 */
const blocked = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  // NAT64 and 6to4 embed an IPv4 address that may be private: refused as a whole.
  ['64:ff9b::', 96],
  ['2002::', 16],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6')

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 address (`::ffff:127.0.0.1`). */
const embeddedIPv4 = (address: string): string | undefined => {
  const match = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (match) return match[1]
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address)
  if (!hex) return undefined
  const high = parseInt(hex[1], 16)
  const low = parseInt(hex[2], 16)
  return [high >> 8, high & 255, low >> 8, low & 255].join('.')
}

/** Whether an IP address (v4 or v6) is loopback, private, link-local or otherwise not public. */
export const isPrivateAddress = (address: string): boolean => {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0]
  const family = isIP(bare)
  if (family === 4) return blocked.check(bare, 'ipv4')
  if (family !== 6) return true // not an address at all: never "public"
  const v4 = embeddedIPv4(bare)
  if (v4) return blocked.check(v4, 'ipv4')
  return blocked.check(bare, 'ipv6')
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

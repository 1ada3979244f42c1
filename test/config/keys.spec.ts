/**
 * One key per purpose: every keyed hash and token derives its own key from the Payload secret, so
 * none is keyed with the secret that signs login JWTs, and a value made for one purpose is worthless
 * for another.
 */
import { createHash, createHmac } from 'node:crypto'

import {
  CLIENT_DATA_KEY_PURPOSE,
  hashClientValue,
} from '@plugins/comment-moderation/utilities/clientData'
import {
  consentAddressHash,
  hashToken,
  KEY_PURPOSE,
  manageTokenFor,
  newManageCredentials,
} from '@plugins/email-subscriptions/utilities/tokens'
import { deriveKey } from '@plugins/shared/deriveKey'

import { HOST_KEY_PURPOSE, hostKey } from '@/config/keys'

const CONFIG_SECRET = 'test-secret-not-for-production'
/** What Payload 3 keeps as `payload.secret` and signs JWTs with (payload/dist/index.js). */
const PAYLOAD_SECRET = createHash('sha256').update(CONFIG_SECRET).digest('hex').slice(0, 32)

const PURPOSES = [
  ...Object.values(HOST_KEY_PURPOSE),
  ...Object.values(KEY_PURPOSE),
  CLIENT_DATA_KEY_PURPOSE,
]

/** An HS256 signature, as jose computes it for Payload's login tokens. */
const hs256 = (key: Buffer | string, signingInput: string) =>
  createHmac('sha256', key).update(signingInput).digest('base64url')

describe('derived keys', () => {
  test('each purpose has its own 32-byte key, different from the secret Payload signs JWTs with', () => {
    const keys = PURPOSES.map((purpose) => deriveKey(PAYLOAD_SECRET, purpose))
    expect(new Set(PURPOSES).size).toBe(PURPOSES.length)
    expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(PURPOSES.length)
    for (const key of keys) {
      expect(key).toHaveLength(32)
      expect(key.equals(Buffer.from(PAYLOAD_SECRET))).toBe(false)
      expect(key.equals(Buffer.from(CONFIG_SECRET))).toBe(false)
      expect(key.toString('hex')).not.toContain(PAYLOAD_SECRET)
    }
  })

  test('keys are stable for one secret and change with it; the host derives the same way', () => {
    expect(
      deriveKey(PAYLOAD_SECRET, KEY_PURPOSE.manageToken).equals(
        deriveKey(PAYLOAD_SECRET, KEY_PURPOSE.manageToken),
      ),
    ).toBe(true)
    expect(
      deriveKey('another-secret', KEY_PURPOSE.manageToken).equals(
        deriveKey(PAYLOAD_SECRET, KEY_PURPOSE.manageToken),
      ),
    ).toBe(false)
    expect(
      hostKey(PAYLOAD_SECRET, HOST_KEY_PURPOSE.networkPseudonym).equals(
        deriveKey(PAYLOAD_SECRET, HOST_KEY_PURPOSE.networkPseudonym),
      ),
    ).toBe(true)
    expect(() => deriveKey('', KEY_PURPOSE.manageToken)).toThrow(/secret/)
    expect(() => deriveKey(PAYLOAD_SECRET, '')).toThrow(/purpose/)
  })

  test('a manage token verifies only under its own purpose, and not under the secret itself', () => {
    const { manageKey, manageToken, manageTokenHash } = newManageCredentials(PAYLOAD_SECRET)
    expect(hashToken(manageTokenFor(PAYLOAD_SECRET, manageKey))).toBe(manageTokenHash)
    const underOther = (key: Buffer | string) =>
      createHmac('sha256', key).update(`manage:${manageKey}`).digest('base64url')
    for (const purpose of PURPOSES.filter((purpose) => purpose !== KEY_PURPOSE.manageToken)) {
      expect(underOther(deriveKey(PAYLOAD_SECRET, purpose))).not.toBe(manageToken)
    }
    // The derivation before this change: the secret itself.
    expect(underOther(PAYLOAD_SECRET)).not.toBe(manageToken)
  })

  test('a client-data hash over a chosen value is no JWT signature (the user agent is chosen by the client)', () => {
    const signingInput = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"id":1,"collection":"users"}').toString('base64url')}`
    const signature = hs256(PAYLOAD_SECRET, signingInput)
    const clientHash = hashClientValue(PAYLOAD_SECRET, signingInput) as string
    expect(Buffer.from(clientHash, 'hex').toString('base64url')).not.toBe(signature)
    // Before: the same HMAC as the JWT signature, readable by anyone who could read the hash.
    expect(
      Buffer.from(
        createHmac('sha256', PAYLOAD_SECRET).update(signingInput).digest('hex'),
        'hex',
      ).toString('base64url'),
    ).toBe(signature)
    const consentHash = consentAddressHash(PAYLOAD_SECRET, signingInput) as string
    expect(Buffer.from(consentHash, 'hex').toString('base64url')).not.toBe(signature)
    expect(consentHash).not.toBe(clientHash)
  })

  test('no value, no hash', () => {
    expect(hashClientValue(PAYLOAD_SECRET, null)).toBeNull()
    expect(hashClientValue(PAYLOAD_SECRET, '')).toBeNull()
    expect(consentAddressHash(PAYLOAD_SECRET, undefined)).toBeNull()
  })
})

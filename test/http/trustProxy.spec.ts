import { parseTrustProxy } from '@/config/settings'

describe('TRUST_PROXY', () => {
  test.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.5', ['10.0.0.5']],
    ['10.0.0.0/8, 192.168.1.1', ['10.0.0.0/8', '192.168.1.1']],
    ['loopback,fd00::/8', ['loopback', 'fd00::/8']],
  ])('%p is accepted as %p', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected)
  })

  test.each([
    'true',
    'yes',
    '10.0.0.0/33',
    '0.0.0.0/0',
    '::/0',
    '10.0.0.0/7',
    'proxy.example.org',
    '1.2.3',
  ])('%p is refused with a message naming TRUST_PROXY', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY/)
  })
})

import { isNumericDocumentId, isObjectIdLike, MAX_NUMERIC_ID } from '@/http/documentId'

describe('document ids', () => {
  test.each([
    ['1', true],
    ['42', true],
    [String(MAX_NUMERIC_ID), true],
    [String(MAX_NUMERIC_ID + 1), false],
    ['0', false],
    ['007', false],
    ['1e3', false],
    ['-1', false],
    ['12345678901', false],
    ['', false],
  ])('%s is a numeric document id: %s', (id, expected) => {
    expect(isNumericDocumentId(id)).toBe(expected)
  })

  test('ObjectIds are 24 hex digits', () => {
    expect(isObjectIdLike('65f1c0ffee0123456789abcd')).toBe(true)
    expect(isObjectIdLike('65f1c0ffee0123456789abc')).toBe(false)
    expect(isObjectIdLike('65f1c0ffee0123456789abcg')).toBe(false)
  })
})

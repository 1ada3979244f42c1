import { hasModulus11CheckDigit } from './nhsNumber'

/**
 * Northern Ireland Health and Care (H&C) numbers: ten digits with a modulus-11 check digit (the NHS
 * number's weighting), from the block the shared UK numbering scheme allocates to Northern Ireland:
 * 320 000 0001 to 399 999 9999 (the range NHS England lists as "allocated to the Northern Irish
 * system", so never issued as an NHS number). Written as 10 digits or 3-3-4 with spaces or hyphens.
 */
export const HC_NUMBER_RANGE = { first: 3_200_000_001, last: 3_999_999_999 } as const

const WRITTEN_FORM = /^(?:\d{10}|\d{3}( |-)\d{3}\1\d{4})$/

export const isValidHcNumber = (value: string): boolean => {
  if (!WRITTEN_FORM.test(value)) return false
  const digits = value.replace(/[ -]/g, '')
  const number = Number(digits)
  return (
    number >= HC_NUMBER_RANGE.first &&
    number <= HC_NUMBER_RANGE.last &&
    hasModulus11CheckDigit(digits)
  )
}

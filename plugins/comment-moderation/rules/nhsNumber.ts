/**
 * NHS numbers: ten digits whose last is a modulus-11 check digit. Written as 10 digits, or 3-3-4
 * with spaces or hyphens ("943 476 5919").
 */
const WRITTEN_FORM = /^(?:\d{10}|\d{3}( |-)\d{3}\1\d{4})$/

/**
 * Ten-digit runs as UK health numbers are written: 10 digits, 3-3-4 or 6-4 (CHI) with spaces or
 * hyphens, not part of a longer digit run (so "+44 161 496 0000" and "07700 900123" never match).
 */
export const HEALTH_NUMBER_CANDIDATE =
  /(?<!\d[ -]?)(?:\d{10}|\d{3}( |-)\d{3}\1\d{4}|\d{6}[ -]\d{4})(?![ -]?\d)/g

/** The modulus-11 check shared by NHS, CHI and H&C numbers: weights 10…2, 11 → 0, 10 never issued. */
export const hasModulus11CheckDigit = (digits: string): boolean => {
  if (!/^\d{10}$/.test(digits)) return false
  const sum = [...digits.slice(0, 9)].reduce(
    (total, digit, index) => total + Number(digit) * (10 - index),
    0,
  )
  const check = 11 - (sum % 11)
  if (check === 10) return false
  return (check === 11 ? 0 : check) === Number(digits[9])
}

export const isValidNhsNumber = (value: string): boolean =>
  WRITTEN_FORM.test(value) && hasModulus11CheckDigit(value.replace(/[ -]/g, ''))

/** Every valid NHS number in a text; candidates failing the check digit are ignored. */
export const findNhsNumbers = (text: string): string[] =>
  [...text.matchAll(HEALTH_NUMBER_CANDIDATE)].map((match) => match[0]).filter(isValidNhsNumber)

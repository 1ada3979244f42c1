/**
 * NHS numbers: ten digits whose last is a modulus-11 check digit. Written as 10 digits, or 3-3-4
 * with spaces or hyphens ("943 476 5919").
 */
const CANDIDATE = /(?<!\d[ -]?)(?:\d{10}|\d{3}( |-)\d{3}\1\d{4})(?![ -]?\d)/g

const WRITTEN_FORM = /^(?:\d{10}|\d{3}( |-)\d{3}\1\d{4})$/

export const isValidNhsNumber = (value: string): boolean => {
  if (!WRITTEN_FORM.test(value)) return false
  const digits = value.replace(/[ -]/g, '')
  const sum = [...digits.slice(0, 9)].reduce(
    (total, digit, index) => total + Number(digit) * (10 - index),
    0,
  )
  const check = 11 - (sum % 11)
  if (check === 10) return false
  return (check === 11 ? 0 : check) === Number(digits[9])
}

/** Every valid NHS number in a text; candidates failing the check digit are ignored. */
export const findNhsNumbers = (text: string): string[] =>
  [...text.matchAll(CANDIDATE)].map((match) => match[0]).filter(isValidNhsNumber)

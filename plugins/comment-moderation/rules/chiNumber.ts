import { hasModulus11CheckDigit } from './nhsNumber'

/**
 * Scottish CHI (Community Health Index) numbers: ten digits, the first six the holder's date of
 * birth (DDMMYY), the last a modulus-11 check digit weighted as for NHS numbers. Written as 10
 * digits, 3-3-4 or 6-4 with spaces or hyphens ("120356 1234", "120-356-1234").
 */
const WRITTEN_FORM = /^(?:\d{10}|\d{3}( |-)\d{3}\1\d{4}|\d{6}[ -]\d{4})$/

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** A real DDMMYY date; 29 February only in a year that is a leap year in one of its centuries. */
export const isValidDdmmyy = (digits: string): boolean => {
  if (!/^\d{6}$/.test(digits)) return false
  const day = Number(digits.slice(0, 2))
  const month = Number(digits.slice(2, 4))
  const year = Number(digits.slice(4, 6))
  if (month < 1 || month > 12 || day < 1) return false
  if (month === 2 && day === 29) return year % 4 === 0
  return day <= DAYS_IN_MONTH[month - 1]
}

export const isValidChiNumber = (value: string): boolean => {
  if (!WRITTEN_FORM.test(value)) return false
  const digits = value.replace(/[ -]/g, '')
  return isValidDdmmyy(digits.slice(0, 6)) && hasModulus11CheckDigit(digits)
}

import type { TextFieldSingleValidation } from 'payload'

export const isIanaTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value })
    // Intl also accepts offsets like "+01:00"; an IANA name has a region or is UTC.
    return /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(value)
  } catch {
    return false
  }
}

export const validateTimeZone: TextFieldSingleValidation = (value) =>
  !value || isIanaTimeZone(value)
    ? true
    : `timeZone must be an IANA time zone name such as Europe/London.`

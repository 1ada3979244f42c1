import type { TextField } from 'payload'

export const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** An optional http(s) address; anything else is refused with a message naming the field. */
export const urlField = (name: string, overrides: Partial<TextField> = {}): TextField =>
  ({
    name,
    type: 'text',
    validate: (value: string | null | undefined) =>
      !value || isHttpUrl(value) ? true : `${name} must be an http(s) URL.`,
    ...overrides,
  }) as TextField

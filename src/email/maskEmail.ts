/**
 * An address in a form fit for logs: enough to tell two apart when investigating, not enough to
 * read it (`jane.doe@example.org` → `j***@e***.org`).
 */
export const maskEmail = (address: string | null | undefined): string => {
  if (!address) return '(none)'
  const at = address.lastIndexOf('@')
  if (at < 1) return '***'
  const local = address.slice(0, at)
  const domain = address.slice(at + 1)
  const dot = domain.lastIndexOf('.')
  const host = dot > 0 ? domain.slice(0, dot) : domain
  const tld = dot > 0 ? domain.slice(dot) : ''
  return `${local[0]}***@${host[0] ?? ''}***${tld}`
}

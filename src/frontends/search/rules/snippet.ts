import { MARK_END, MARK_START } from '../constants'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c])

/**
 * A snippet as HTML: the database's markers become `<mark>…</mark>` and everything else is
 * escaped, so stored text (`<script>`, `&`, quotes) is shown as text. Unbalanced markers are
 * closed or dropped; lines are joined with spaces.
 */
export const snippetHtml = (marked: string): string => {
  let open = false
  let html = ''
  for (const part of marked
    .replace(/\s+/g, ' ')
    .trim()
    .split(/([\uE000\uE001])/u)) {
    if (part === MARK_START) {
      if (!open) html += '<mark>'
      open = true
    } else if (part === MARK_END) {
      if (open) html += '</mark>'
      open = false
    } else html += escapeHtml(part)
  }
  return open ? `${html}</mark>` : html
}

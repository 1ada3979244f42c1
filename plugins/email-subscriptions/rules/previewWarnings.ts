import type { RenderedEmail } from '../types'

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  )

/** The banner staff see above a previewed email; never part of what subscribers receive. */
const banner = (warnings: readonly string[]) =>
  `<div role="alert" data-preview-warning style="margin:0 0 16px;padding:12px 16px;border:2px solid #b42318;background:#fef3f2;color:#7a271a;font:15px/1.4 sans-serif">${warnings
    .map((warning) => `<p style="margin:0">${escapeHtml(warning)}</p>`)
    .join('')}</div>`

/**
 * A previewed email with the host's content warnings shown above it (HTML: a banner first in the
 * body; text: "WARNING:" lines before the text). Unchanged when there are none.
 */
export const withPreviewWarnings = (
  email: RenderedEmail,
  warnings: readonly string[],
): RenderedEmail => {
  if (warnings.length === 0) return email
  const html = /<body[^>]*>/i.test(email.html)
    ? email.html.replace(/<body[^>]*>/i, (body) => `${body}${banner(warnings)}`)
    : `${banner(warnings)}${email.html}`
  const text = `${warnings.map((warning) => `WARNING: ${warning}`).join('\n')}\n\n${email.text}`
  return { ...email, html, text }
}

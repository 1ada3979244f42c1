/** Where the interactive reference is served, under the API route. */
export const DOCS_PATH = '/docs'

/**
 * The reference page's policy, in place of the API's (which runs no script at all): Swagger UI's
 * own script and style from this origin, the document fetched from this origin, nothing else.
 * Swagger UI needs neither `unsafe-eval` nor inline scripts (its start-up is a file of ours);
 * React sets its inline styles through the DOM, which `style-src 'self'` allows, and its icons are
 * data: URIs.
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

/** True for the reference page and its assets (`path` relative to the API route). */
export const isDocsPath = (path: string): boolean =>
  path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`)

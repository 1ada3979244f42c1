// React Email's render (not react-dom/server, which Next refuses in route code) turns the page into HTML.
import { render } from '@react-email/render'
import type { PayloadRequest } from 'payload'
import type { ReactNode } from 'react'

const Page = ({ title, children }: { title: string; children: ReactNode }) => (
  <html lang="en">
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>{title}</title>
    </head>
    <body
      style={{
        fontFamily: 'Arial, sans-serif',
        maxWidth: 560,
        margin: '2rem auto',
        padding: '0 1rem',
      }}
    >
      <h1>{title}</h1>
      {children}
    </body>
  </html>
)

/** A page as a Response; React escapes every value, so tokens and messages are inert. */
export const htmlPage = async (title: string, body: ReactNode, status = 200): Promise<Response> =>
  new Response(await render(<Page title={title}>{body}</Page>), {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  })

/** A page whose only action is a POST button: opening the link (as scanners do) changes nothing. */
export const actionPage = (
  title: string,
  text: string,
  action: string,
  token: string,
  button: string,
): Promise<Response> =>
  htmlPage(
    title,
    <form method="post" action={action}>
      <p>{text}</p>
      <input type="hidden" name="token" value={token} />
      <button type="submit">{button}</button>
    </form>,
  )

/** Whether the client wants a page (a person in a browser) rather than JSON (a frontend). */
export const wantsHtml = (req: PayloadRequest): boolean =>
  (req.headers.get('accept') ?? '').includes('text/html')

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/** The body of a JSON or form POST (the pages' buttons post forms); null when it cannot be read. */
export const readBody = async (req: PayloadRequest): Promise<Record<string, unknown> | null> => {
  const type = req.headers.get('content-type') ?? ''
  try {
    if (type.includes('application/json')) {
      const body: unknown = await req.json?.()
      return isPlainObject(body) ? body : null
    }
    if (
      type.includes('application/x-www-form-urlencoded') ||
      type.includes('multipart/form-data')
    ) {
      const form = await req.formData?.()
      return form ? Object.fromEntries(form.entries()) : null
    }
    return {}
  } catch {
    return null
  }
}

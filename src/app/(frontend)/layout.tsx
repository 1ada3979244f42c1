import './styles.css'

import type { ReactNode } from 'react'

export const metadata = { title: 'Q Community' }

/**
 * The few member-facing pages the CMS serves itself (the public site is a separate frontend). Its
 * own root layout, so the admin's (payload) layout and styles stay untouched.
 */
export default function FrontendLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        <main className="q-page">{children}</main>
      </body>
    </html>
  )
}

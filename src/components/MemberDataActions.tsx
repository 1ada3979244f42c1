'use client'

import { Button, useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import type React from 'react'
import { useState } from 'react'

type StaffUser = { roles?: string[] | null }

/** On a member: "Download data" (their subject access export) for staff, "Erase member" for admins. */
export const MemberDataActions: React.FC = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { user } = useAuth<StaffUser>()
  const [message, setMessage] = useState<string | null>(null)
  if (!id) return null
  const base = `${config.serverURL}${config.routes.api}/members/${id}`
  const isAdmin = Boolean(user?.roles?.includes('admin'))

  const erase = async () => {
    const reason = window.prompt(
      'Erase this member and their personal data? This cannot be undone. Give the reason for the privacy log (do not name the member):',
    )
    if (reason === null) return
    const response = await fetch(`${base}/erase`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason }),
    })
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as {
        errors?: Array<{ message?: string }>
      } | null
      setMessage(body?.errors?.[0]?.message ?? 'The member could not be erased.')
      return
    }
    window.location.assign(`${config.routes.admin}/collections/members`)
  }

  return (
    <div className="member-data-actions" style={{ marginBottom: 'var(--base)' }}>
      <p style={{ fontWeight: 600 }}>Personal data</p>
      {isAdmin ? (
        <p>
          <a href={`${base}/export`} download>
            Download data (JSON)
          </a>
        </p>
      ) : (
        <p>Admins answer subject access and erasure requests.</p>
      )}
      {isAdmin ? (
        <Button buttonStyle="error" size="small" onClick={erase}>
          Erase member
        </Button>
      ) : null}
      {message ? <p role="alert">{message}</p> : null}
    </div>
  )
}

'use client'

import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import type React from 'react'
import { useState } from 'react'

/** On a subscriber: the UK GDPR export of everything held about them, and erasure. */
export const SubscriberDataActions: React.FC = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [message, setMessage] = useState<string | null>(null)
  if (!id) return null
  const base = `${config.serverURL}${config.routes.api}/subscribers/${id}`

  const erase = async () => {
    if (!window.confirm('Erase this subscriber and their delivery records? This cannot be undone.'))
      return
    const response = await fetch(`${base}/erase`, { method: 'POST', credentials: 'include' })
    if (!response.ok) {
      setMessage('The subscriber could not be erased.')
      return
    }
    window.location.assign(`${config.routes.admin}/collections/subscribers`)
  }

  return (
    <div className="subscriber-data-actions" style={{ marginBottom: 'var(--base)' }}>
      <p style={{ fontWeight: 600 }}>Personal data</p>
      <p>
        <a href={`${base}/export`} download>
          Export this subscriber’s data (JSON)
        </a>
      </p>
      <Button buttonStyle="error" size="small" onClick={erase}>
        Erase this subscriber
      </Button>
      {message ? <p role="alert">{message}</p> : null}
    </div>
  )
}

'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import type React from 'react'

/** In a topic document's sidebar: the announcement email subscribers would get, for staff to check. */
export const EmailPreviewLink: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  if (!id || !collectionSlug)
    return <p style={{ opacity: 0.7 }}>Save to preview the update email.</p>
  const preview = `${config.serverURL}${config.routes.api}/subscribers/preview?collection=${encodeURIComponent(collectionSlug)}&id=${encodeURIComponent(String(id))}`
  return (
    <p className="email-preview-link">
      <a href={preview} target="_blank" rel="noreferrer">
        Preview the update email
      </a>
    </p>
  )
}

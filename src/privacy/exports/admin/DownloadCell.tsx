'use client'

import { useConfig } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import type React from 'react'

/** The list column: a Download link once the export is ready. */
export const DownloadCell: React.FC<DefaultCellComponentProps> = ({ rowData }) => {
  const { config } = useConfig()
  if (rowData?.status !== 'ready') return null
  return (
    <a
      href={`${config.serverURL}${config.routes.api}/network/exports/${rowData.id}/download`}
      download
      onClick={(event) => event.stopPropagation()}
    >
      Download
    </a>
  )
}

import type { DefaultServerCellComponentProps } from 'payload'
import type React from 'react'

import { COMMENT_STATUS } from '../constants'
import { waitingLabel } from '../rules/waiting'

/**
 * The queue's "Waiting" column: how long a held comment has waited, and whether it is in the urgent
 * (safeguarding) lane. A server component, so the time is worked out once, where the list is rendered.
 */
export const WaitingCell: React.FC<DefaultServerCellComponentProps> = ({ rowData }) => {
  if (rowData?.status !== COMMENT_STATUS.pending || typeof rowData.createdAt !== 'string')
    return null
  const label = waitingLabel(new Date(rowData.createdAt), new Date())
  if (rowData.urgent !== true) return <span className="comment-waiting">{label}</span>
  return (
    <span className="comment-waiting comment-waiting--urgent" style={{ fontWeight: 600 }}>
      Urgent · {label}
    </span>
  )
}

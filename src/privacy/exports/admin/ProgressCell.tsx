'use client'

import type { DefaultCellComponentProps } from 'payload'
import type React from 'react'

import { ProgressBar } from './ProgressBar'

/** The list column: the export's progress bar and status. */
export const ProgressCell: React.FC<DefaultCellComponentProps> = ({ cellData, rowData }) => (
  <ProgressBar progress={Number(cellData ?? 0)} status={String(rowData?.status ?? '')} />
)

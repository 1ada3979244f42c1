'use client'

import { Button, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useState } from 'react'

import { ProgressBar } from './ProgressBar'

const POLL_MS = 2_000
const RUNNING = new Set(['queued', 'building'])

type State = { status: string; progress: number }

/**
 * The edit view: the progress bar, refreshed every two seconds while the export is queued or
 * building, and the Download button once it is ready.
 */
export const ProgressField: React.FC = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const initialStatus = useFormFields(([fields]) => String(fields.status?.value ?? ''))
  const initialProgress = useFormFields(([fields]) => Number(fields.progress?.value ?? 0))
  const [state, setState] = useState<State>({ status: initialStatus, progress: initialProgress })
  const api = `${config.serverURL}${config.routes.api}`

  useEffect(() => {
    if (!id || !RUNNING.has(state.status)) return
    const poll = async () => {
      try {
        const response = await fetch(`${api}/network-exports/${id}?depth=0`, {
          credentials: 'include',
        })
        if (response.ok) {
          const doc = (await response.json()) as Partial<State>
          setState({ status: String(doc.status ?? ''), progress: Number(doc.progress ?? 0) })
          return
        }
      } catch {
        // Polled again on the next tick: a dropped request changes nothing.
      }
      setState((current) => ({ ...current }))
    }
    const timer = setTimeout(() => void poll(), POLL_MS)
    return () => clearTimeout(timer)
  }, [api, id, state])

  if (!id) return null
  return (
    <div className="network-export-progress-field" style={{ marginBottom: 'var(--base)' }}>
      <ProgressBar progress={state.progress} status={state.status} />
      {state.status === 'ready' ? (
        <Button
          el="anchor"
          url={`${api}/network/exports/${id}/download`}
          buttonStyle="primary"
          size="small"
        >
          Download ZIP
        </Button>
      ) : null}
    </div>
  )
}

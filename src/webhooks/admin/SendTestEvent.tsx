'use client'

import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import type React from 'react'
import { useState } from 'react'

type TestResult = { delivered: boolean; status: number | null; durationMs: number; error?: string }

const describe = (result: TestResult): string => {
  const status = result.status === null ? 'no response' : `HTTP ${result.status}`
  const outcome = result.delivered ? 'Delivered' : 'Not delivered'
  const error = result.error ? ` (${result.error})` : ''
  return `${outcome}: ${status} in ${result.durationMs} ms${error}. Logged under Deliveries (reload to see it).`
}

/** On a saved webhook: sends a signed `webhook.test` event now and shows what the receiver said. */
export const SendTestEvent: React.FC = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [message, setMessage] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  if (!id) return null

  const send = async () => {
    setSending(true)
    setMessage(null)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/webhooks/${id}/test`, {
        method: 'POST',
        credentials: 'include',
      })
      setMessage(
        response.ok
          ? describe((await response.json()) as TestResult)
          : `The test event could not be sent (HTTP ${response.status}).`,
      )
    } catch {
      setMessage('The test event could not be sent.')
    } finally {
      setSending(false)
    }
  }

  return (
    <div className="webhook-send-test" style={{ marginBottom: 'var(--base)' }}>
      <Button buttonStyle="secondary" size="small" onClick={send} disabled={sending}>
        {sending ? 'Sending…' : 'Send test event'}
      </Button>
      {message ? (
        <p role="status" className="webhook-send-test__result">
          {message}
        </p>
      ) : null}
    </div>
  )
}

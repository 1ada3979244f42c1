'use client'

import { type FormEvent, useCallback, useEffect, useState } from 'react'

import type { ConsentPurposeView } from '@/privacy/consent/purposesList'

type Me = { id: number | string } & Partial<Record<ConsentPurposeView['field'], boolean | null>>

const API = '/api/members'

/** The first error message of the shared error body, or a fallback. */
const messageOf = async (response: Response, fallback: string) => {
  const body: unknown = await response.json().catch(() => null)
  if (typeof body === 'object' && body !== null && 'errors' in body && Array.isArray(body.errors))
    return String(body.errors[0]?.message ?? fallback)
  return fallback
}

/**
 * The member's side of the privacy page: log in with the members' cookie (same origin), then one
 * checkbox per purpose, each saved at once by PATCH /api/members/<id> (the server records the
 * consent with the wording version shown here).
 */
export function PrivacyChoices({ purposes }: { purposes: ConsentPurposeView[] }) {
  const [me, setMe] = useState<Me | null>(null)
  const [loading, setLoading] = useState(true)
  const [status, setStatus] = useState('')
  const [erased, setErased] = useState(false)

  const loadMe = useCallback(async () => {
    const response = await fetch(`${API}/me`, { credentials: 'same-origin' })
    const body: unknown = response.ok ? await response.json() : null
    const user =
      typeof body === 'object' && body !== null && 'user' in body ? (body.user as Me | null) : null
    setMe(user)
    setLoading(false)
  }, [])

  useEffect(() => {
    void loadMe()
  }, [loadMe])

  const logIn = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setStatus('Logging in…')
    const response = await fetch(`${API}/login`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
    })
    if (!response.ok) return setStatus(await messageOf(response, 'Could not log in.'))
    setStatus('')
    await loadMe()
  }

  const choose = async (purpose: ConsentPurposeView, granted: boolean) => {
    if (!me) return
    // Shown at once; put back if the server refuses it.
    setMe({ ...me, [purpose.field]: granted })
    setStatus('Saving…')
    const response = await fetch(`${API}/${me.id}`, {
      method: 'PATCH',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ [purpose.field]: granted }),
    })
    if (!response.ok) {
      setMe(me)
      return setStatus(await messageOf(response, 'Could not save your choice.'))
    }
    setStatus('Saved.')
  }

  const erase = async () => {
    if (!window.confirm('Delete your account and the data we hold about you?')) return
    const response = await fetch(`${API}/me/erase`, { method: 'POST', credentials: 'same-origin' })
    if (!response.ok) return setStatus(await messageOf(response, 'Could not ask for deletion.'))
    setErased(true)
    setStatus('')
  }

  if (loading) return <p>Loading…</p>
  if (!me)
    return (
      <form className="q-form" onSubmit={logIn} aria-label="Log in">
        <p>Log in to see and change what you agreed to.</p>
        <label>
          Email <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          Password{' '}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit">Log in</button>
        <p className="q-status" role="status">
          {status}
        </p>
      </form>
    )

  return (
    <>
      {purposes.map((purpose) => {
        const value = me[purpose.field]
        const checked = value === undefined || value === null ? purpose.default : value
        return (
          <div className="q-choice" key={purpose.purpose}>
            <label>
              <input
                type="checkbox"
                name={purpose.field}
                data-testid={`consent-${purpose.purpose}`}
                checked={checked}
                onChange={(event) => void choose(purpose, event.target.checked)}
              />{' '}
              <strong>{purpose.label}</strong>
            </label>
            <p>{purpose.description}</p>
            <small>Wording version {purpose.version}</small>
          </div>
        )
      })}
      <p className="q-status" role="status" data-testid="privacy-status">
        {status}
      </p>
      <div className="q-actions">
        <a href={`${API}/me/export`} download data-testid="download-my-data">
          Download my data
        </a>
        {erased ? (
          <p data-testid="erase-requested">
            Check your email: we sent you a link to confirm the deletion of your account.
          </p>
        ) : (
          <button type="button" onClick={() => void erase()} data-testid="delete-my-account">
            Delete my account
          </button>
        )}
      </div>
    </>
  )
}

'use client'

import { useConfig, useFormFields } from '@payloadcms/ui'
import {
  ALL_PATIENT_DATA_GUARDS,
  type PatientDataSwitches,
} from '@q-community/comment-moderation/rules'
import type React from 'react'
import { useEffect, useMemo, useState } from 'react'

import {
  matchesWarnedPath,
  patientDataWarning,
  type WarnedField,
} from '@/content/patientDataWarning'

type StoredSwitches = { [key in keyof PatientDataSwitches]?: boolean | null }

/**
 * The comment policy's switches (public fields of the `comment-policy` global); every check on
 * until they arrive or if they cannot be read, so a warning is never missed.
 */
const usePolicySwitches = (): PatientDataSwitches => {
  const { config } = useConfig()
  const [switches, setSwitches] = useState(ALL_PATIENT_DATA_GUARDS)
  useEffect(() => {
    let live = true
    fetch(`${config.serverURL}${config.routes.api}/globals/comment-policy?depth=0`, {
      credentials: 'include',
    })
      .then((response) => (response.ok ? (response.json() as Promise<StoredSwitches>) : null))
      .then((policy) => {
        if (!live || !policy) return
        setSwitches({
          patientDataGuard: policy.patientDataGuard ?? true,
          chiNumberGuard: policy.chiNumberGuard ?? true,
          hcNumberGuard: policy.hcNumberGuard ?? true,
        })
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [config.serverURL, config.routes.api])
  return switches
}

/** In a draft's sidebar: a warning while its text holds patient identifiers (never the identifiers). */
export const PatientDataWarning: React.FC<{ fields?: WarnedField[] }> = ({ fields = [] }) => {
  const switches = usePolicySwitches()
  const values = useFormFields(([formFields]) =>
    fields.map((field) =>
      field.path.includes('*')
        ? Object.entries(formFields)
            .filter(([path]) => matchesWarnedPath(field.path, path))
            .map(([, state]) => state?.value)
        : formFields[field.path]?.value,
    ),
  )
  const warning = useMemo(
    () =>
      patientDataWarning(
        fields,
        Object.fromEntries(fields.map((field, index) => [field.path, values[index]])),
        switches,
      ),
    [fields, values, switches],
  )
  if (!warning) return null
  return (
    <div
      role="alert"
      data-testid="patient-data-warning"
      style={{
        border: '1px solid var(--theme-error-500)',
        background: 'var(--theme-error-50)',
        color: 'var(--theme-error-750)',
        borderRadius: 4,
        padding: '0.75rem',
        marginBottom: '1rem',
      }}
    >
      {warning}
    </div>
  )
}

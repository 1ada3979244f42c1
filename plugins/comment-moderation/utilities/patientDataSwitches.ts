import type { PayloadRequest } from 'payload'

import {
  ALL_PATIENT_DATA_GUARDS,
  findPatientIdentifiers,
  type PatientDataFinding,
  type PatientDataSwitches,
} from '../rules/patientData'
import { loadPolicy } from './policy'

/**
 * The policy's patient-identifier switches, from the cached `comment-policy` global, for hosts that
 * guard their own fields with the same settings. When the policy cannot be read every check is on:
 * a guard that fails open would let a patient's number through.
 */
export const loadPatientDataSwitches = async (
  req: PayloadRequest,
): Promise<PatientDataSwitches> => {
  try {
    const { patientDataGuard, chiNumberGuard, hcNumberGuard } = await loadPolicy(req)
    return { patientDataGuard, chiNumberGuard, hcNumberGuard }
  } catch (err) {
    req.payload.logger.warn({ err, msg: 'Comment policy unreadable: every patient-data check on' })
    return ALL_PATIENT_DATA_GUARDS
  }
}

/** The kinds of patient identifier in a text under the current policy (never the data itself). */
export const findPatientIdentifiersUnderPolicy = async (
  req: PayloadRequest,
  text: string,
): Promise<PatientDataFinding[]> => findPatientIdentifiers(text, await loadPatientDataSwitches(req))

import { RULE } from '@plugins/comment-moderation/constants'
import { isValidChiNumber, isValidDdmmyy } from '@plugins/comment-moderation/rules/chiNumber'
import { decide } from '@plugins/comment-moderation/rules/decide'
import { isValidHcNumber } from '@plugins/comment-moderation/rules/hcNumber'
import {
  ALL_PATIENT_DATA_GUARDS,
  findPatientIdentifiers,
  type PatientDataSwitches,
} from '@plugins/comment-moderation/rules/patientData'
import type { PolicyRules } from '@plugins/comment-moderation/rules/types'

import { policyRules } from '../helpers/policyRules'

// Numbers below were made for these tests with the modulus-11 check (none is a real person's).
const CHI = '1203561237' // born 12/03/56
const HC = '3201234001'
const NHS = '9434765919'

describe('CHI numbers (DDMMYY + 4 digits, modulus 11)', () => {
  test.each([
    ['1203561237', true],
    ['120356 1237', true], // 6-4, as CHI numbers are often written
    ['120356-1237', true],
    ['120 356 1237', true],
    ['120-356-1237', true],
    ['0101900007', true], // 1 January 1990
    ['2902001231', true], // 29 February 2000
    ['1203561238', false], // wrong check digit
    ['2902010001', false], // 29 February 2001: no such date (passes modulus 11)
    ['3102990002', false], // 31 February (passes modulus 11)
    ['0012990000', false], // day 00
    ['0113990006', false], // month 13
    ['120 356-1237', false], // mixed separators
    ['12035 61237', false], // spaces in the wrong places
    ['120356123', false], // nine digits
    ['12035612370', false], // eleven digits
  ])('%s → %s', (value, valid) => {
    expect(isValidChiNumber(value)).toBe(valid)
  })

  test.each([
    ['120356', true],
    ['310156', true],
    ['300456', true],
    ['310456', false], // 31 April
    ['290204', true],
    ['290203', false],
    ['000156', false],
    ['12035', false],
  ])('date %s → %s', (value, valid) => {
    expect(isValidDdmmyy(value)).toBe(valid)
  })
})

describe('Northern Ireland H&C numbers (320 000 0001 to 399 999 9999, modulus 11)', () => {
  test.each([
    ['3201234001', true],
    ['320 123 4001', true],
    ['320-123-4001', true],
    ['3200000007', true], // the first valid number of the range
    ['3999999004', true],
    ['3201234002', false], // wrong check digit
    ['3199999018', false], // below the range (valid modulus 11: an NHS number)
    ['4505577104', false], // an NHS number
    ['320123 4001', false], // 6-4 is CHI's form, not H&C's
    ['320 123-4001', false],
  ])('%s → %s', (value, valid) => {
    expect(isValidHcNumber(value)).toBe(valid)
  })
})

const allOn = ALL_PATIENT_DATA_GUARDS
const only = (switches: Partial<PatientDataSwitches>): PatientDataSwitches => ({
  patientDataGuard: false,
  chiNumberGuard: false,
  hcNumberGuard: false,
  ...switches,
})

describe('findPatientIdentifiers: each number once, as its most specific kind', () => {
  test.each([
    [`patient ${NHS} seen`, allOn, ['nhs-number']],
    ['NHS 943 476 5919', allOn, ['nhs-number']],
    [`CHI ${CHI}`, allOn, ['chi-number']],
    ['CHI 120356 1237', allOn, ['chi-number']],
    ['CHI 120-356-1237.', allOn, ['chi-number']],
    [`H&C ${HC}`, allOn, ['hc-number']],
    ['H&C no. 320 123 4001', allOn, ['hc-number']],
    ['H&C 320-123-4001,', allOn, ['hc-number']],
    [`all three: ${NHS}, ${CHI}, ${HC}`, allOn, ['nhs-number', 'chi-number', 'hc-number']],
    // A CHI- or H&C-shaped number also passes the NHS check; with its own switch off it is
    // still held, as an NHS number (the NHS guard held every such number before).
    [`CHI ${CHI}`, only({ patientDataGuard: true }), ['nhs-number']],
    [`H&C ${HC}`, only({ patientDataGuard: true }), ['nhs-number']],
    // The 6-4 form is CHI's alone: no NHS number is written that way.
    ['CHI 120356 1237', only({ patientDataGuard: true }), []],
    [`CHI ${CHI}`, only({ chiNumberGuard: true }), ['chi-number']],
    [`H&C ${HC}`, only({ hcNumberGuard: true }), ['hc-number']],
    [`NHS ${NHS}`, only({ chiNumberGuard: true, hcNumberGuard: true }), []],
    [`nothing on: ${NHS} ${CHI} ${HC}`, only({}), []],
    ['born 12/03/1956, lives at SW1A 1AA', allOn, ['date-and-postcode']],
    ['born 12/03/1956, lives at SW1A 1AA', only({ chiNumberGuard: true }), []],
  ])('%s (%o) → %o', (text, switches, expected) => {
    expect(findPatientIdentifiers(text, switches)).toEqual(expected)
  })

  // Phone numbers, dates, times, references: none is a patient identifier.
  test.each([
    'call 07700 900123',
    'call 07700900123',
    'London 020 7946 0958',
    'from abroad +44 20 7946 0958',
    'Manchester 0161 496 0000',
    '+44 161 496 0000',
    '+441614960000',
    '(0161) 496 0000',
    'Sedbergh 016977 4123',
    'freephone 0800 123 4567',
    '0800-123-4567',
    'on 12/03/1956',
    'on 12-03-1956 at 10:30',
    'at 10:30:45, 11:45-12:15',
    'ISO date 2026-12-07',
    'timestamp 2026-12-07T10:30:00Z',
    'dated 20261207 1030',
    'in 1990-2000 and 2019-2020',
    'years 1990 2000 2010',
    'order 1234567890', // ten digits failing the check digit
    'order no. 12345-67890',
    'order #A123456789',
    'invoice INV-2026-000123',
    'tracking 1Z999AA10123456784',
    'account 12345678, sort code 12-03-56',
    'card 4111 1111 1111 1111',
    'reference 123456789012',
    'version 1.2.3.4567890',
    'ratio 120356:1237',
  ])('no identifier in %s', (text) => {
    expect(findPatientIdentifiers(text, allOn)).toEqual([])
  })

  test('never returns the number itself', () => {
    const found = findPatientIdentifiers(`${NHS} ${CHI} ${HC}`, allOn)
    expect(JSON.stringify(found)).not.toMatch(/\d/)
  })
})

describe('the built-in rules cite each kind’s own clause', () => {
  const policy = (overrides: Partial<PolicyRules> = {}): PolicyRules =>
    policyRules({
      version: '2026-12',
      blockedTerms: [],
      heldTerms: [],
      holdFirstComment: false,
      trustedAfter: 1,
      ruleClauses: { 'patient-data': '5', 'chi-number': '5a', 'hc-number': '5b' },
      ...overrides,
    })
  const comment = (body: string) => ({ body, authorKind: 'member' as const })
  const trusted = { approvedCommentsByAuthor: 3 }

  test('CHI and H&C numbers hold the comment, naming the kind, never the number', async () => {
    const decision = await decide(comment(`CHI 120356 1237 and H&C ${HC}`), trusted, policy())
    expect(decision.status).toBe('pending')
    expect(decision.reasons).toEqual([
      { rule: RULE.chiNumber, clause: '5a', detail: 'chi-number' },
      { rule: RULE.hcNumber, clause: '5b', detail: 'hc-number' },
    ])
    expect(JSON.stringify(decision)).not.toMatch(/1237|4001/)
  })

  test.each([
    [{ chiNumberGuard: false }, `CHI ${CHI}`, [RULE.patientData]],
    [{ chiNumberGuard: false }, 'CHI 120356 1237', []],
    [{ hcNumberGuard: false }, `H&C ${HC}`, [RULE.patientData]],
    [{ patientDataGuard: false }, `NHS ${NHS} CHI ${CHI}`, [RULE.chiNumber]],
    [
      { patientDataGuard: false, chiNumberGuard: false, hcNumberGuard: false },
      `${NHS} ${CHI} ${HC}`,
      [],
    ],
  ] as const)('switches %o: %s → %o', async (switches, body, rules) => {
    const decision = await decide(comment(body), trusted, policy(switches))
    expect(decision.reasons.map((reason) => reason.rule)).toEqual(rules)
  })
})

import { RULE } from '@plugins/comment-moderation/constants'
import { decide, orderRules } from '@plugins/comment-moderation/rules/decide'
import { findNhsNumbers, isValidNhsNumber } from '@plugins/comment-moderation/rules/nhsNumber'
import {
  findPatientData,
  hasDateNextToPostcode,
} from '@plugins/comment-moderation/rules/patientData'
import { countLinks, findTerms } from '@plugins/comment-moderation/rules/text'
import type { CommentRule } from '@plugins/comment-moderation/rules/types'

import { policyRules } from '../helpers/policyRules'

const policy = policyRules
const trusted = { approvedCommentsByAuthor: 5 }
const member = (body: string) => ({ body, authorKind: 'member' as const })

describe('NHS number check digit (modulus 11)', () => {
  test.each([
    ['9434765919', true],
    ['943 476 5919', true],
    ['943-476-5919', true],
    ['4010232137', true],
    ['9434765918', false], // wrong check digit
    ['1000000010', false], // check digit would be 10: never issued
    ['943476591', false], // nine digits
    ['94347659190', false], // eleven digits
    ['94347 65919', false], // spaces in the wrong places
  ])('%s → %s', (value, valid) => {
    expect(isValidNhsNumber(value)).toBe(valid)
  })

  test('finds numbers inside text, ignoring longer digit runs and invalid ones', () => {
    expect(findNhsNumbers('Patient 943 476 5919 seen; ref 9434765918; tel 020794605919')).toEqual([
      '943 476 5919',
    ])
  })
})

describe('date of birth next to a UK postcode', () => {
  test.each([
    ['born 12/03/1956, lives at SW1A 1AA', true],
    ['DOB 1956-03-12 (M1 1AE)', true],
    ['12 March 1956, postcode b33 8th', true],
    [
      'meeting on 12/03/2027 in a building far away from anything identifying, much later the postcode SW1A 1AA appears',
      false,
    ],
    ['a postcode SW1A 1AA alone', false],
    ['a date 12/03/1956 alone', false],
  ])('%s → %s', (text, expected) => {
    expect(hasDateNextToPostcode(text)).toBe(expected)
  })

  test('names the kinds of patient data found, never the data', () => {
    expect(findPatientData('NHS 9434765919, born 01/02/1950 at LS1 4AP')).toEqual([
      'nhs-number',
      'date-and-postcode',
    ])
  })
})

describe('text helpers', () => {
  test('counts http(s) and www links', () => {
    expect(countLinks('see https://a.example/x and http://b.example and www.c.example.org')).toBe(3)
    expect(countLinks('no links, just example.org')).toBe(0)
  })

  test('matches terms as whole words, case-insensitively', () => {
    expect(findTerms('We could BUY FOLLOWERS today', ['buy followers'])).toEqual(['buy followers'])
    expect(findTerms('A lawsuits-free zone', ['lawsuit'])).toEqual([])
  })
})

describe('decide: one rule at a time', () => {
  test('a trusted member with a clean comment is approved with no reasons', async () => {
    await expect(
      decide(member('Thanks, this helped our ward.'), trusted, policy()),
    ).resolves.toEqual({
      status: 'approved',
      reasons: [],
      policyVersion: '2026-11',
    })
  })

  test('a blocked term rejects, citing its clause', async () => {
    const decision = await decide(member('Want to buy followers?'), trusted, policy())
    expect(decision.status).toBe('rejected')
    expect(decision.reasons).toEqual([{ rule: RULE.blockedTerm, clause: '2' }])
  })

  test('patient data holds the comment without repeating the data', async () => {
    const decision = await decide(member('My patient 943 476 5919 improved'), trusted, policy())
    expect(decision.status).toBe('pending')
    expect(decision.reasons).toEqual([
      { rule: RULE.patientData, clause: '5', detail: 'nhs-number' },
    ])
    expect(JSON.stringify(decision)).not.toContain('5919')
  })

  test('the patient-data guard can be switched off', async () => {
    const decision = await decide(
      member('My patient 943 476 5919 improved'),
      trusted,
      policy({ patientDataGuard: false }),
    )
    expect(decision.status).toBe('approved')
  })

  test('more links than maxLinks holds', async () => {
    const body = 'https://a.example https://b.example https://c.example'
    expect((await decide(member(body), trusted, policy())).reasons).toEqual([
      { rule: RULE.tooManyLinks, clause: '4', detail: '3 links' },
    ])
    expect((await decide(member(body), trusted, policy({ maxLinks: 3 }))).status).toBe('approved')
  })

  test('a held term holds', async () => {
    expect((await decide(member('Is this a lawsuit risk?'), trusted, policy())).reasons).toEqual([
      { rule: RULE.heldTerm, clause: '3' },
    ])
  })

  test.each([
    [0, true, 'pending', RULE.firstComment],
    [1, true, 'pending', RULE.notYetTrusted],
    [2, true, 'approved', null],
    [0, false, 'approved', null],
  ] as const)(
    '%i approved before, holdFirstComment %s → %s (%s)',
    async (approved, hold, status, rule) => {
      const decision = await decide(
        member('Hello'),
        { approvedCommentsByAuthor: approved },
        policy({ holdFirstComment: hold }),
      )
      expect(decision.status).toBe(status)
      expect(decision.reasons.map((reason) => reason.rule)).toEqual(rule ? [rule] : [])
    },
  )

  test('the most severe finding wins and every reason is kept', async () => {
    const decision = await decide(
      member('buy followers, lawsuit, 9434765919'),
      { approvedCommentsByAuthor: 0 },
      policy(),
    )
    expect(decision.status).toBe('rejected')
    expect(decision.reasons.map((reason) => reason.rule)).toEqual([
      RULE.blockedTerm,
      RULE.patientData,
      RULE.heldTerm,
      RULE.firstComment,
    ])
  })
})

describe('host rules', () => {
  const classifier: CommentRule = {
    name: 'spam-classifier',
    order: 15,
    run: async ({ body }) =>
      body.includes('casino') ? { status: 'spam', rule: 'spam-classifier', clause: '2' } : null,
  }

  test('slot into the built-in order and may be async', async () => {
    expect(orderRules([classifier]).map((rule) => rule.name)).toEqual([
      RULE.blockedTerm,
      'spam-classifier',
      RULE.patientData,
      RULE.chiNumber,
      RULE.hcNumber,
      RULE.tooManyLinks,
      RULE.heldTerm,
      RULE.safeguarding,
      RULE.firstComment,
    ])
    const decision = await decide(
      member('best casino bonus'),
      trusted,
      policy(),
      orderRules([classifier]),
    )
    expect(decision).toEqual({
      status: 'spam',
      reasons: [{ rule: 'spam-classifier', clause: '2' }],
      policyVersion: '2026-11',
    })
  })
})

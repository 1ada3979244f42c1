import { RULE } from '@plugins/comment-moderation/constants'
import {
  safeguardingReplyEmail,
  urgentModeratorEmail,
} from '@plugins/comment-moderation/email/templates'
import { decide } from '@plugins/comment-moderation/rules/decide'
import {
  DEFAULT_SAFEGUARDING_PHRASES,
  findSafeguardingPhrases,
  normaliseForPhrases,
} from '@plugins/comment-moderation/rules/safeguarding'
import type { PolicyRules } from '@plugins/comment-moderation/rules/types'
import { waitingLabel } from '@plugins/comment-moderation/rules/waiting'
import {
  DEFAULT_SAFEGUARDING_REPLY,
  DEFAULT_SAFEGUARDING_REPLY_SUBJECT,
} from '@plugins/comment-moderation/utilities/policy'

import { policyRules } from '../helpers/policyRules'

const policy = (overrides: Partial<PolicyRules> = {}): PolicyRules =>
  policyRules({
    version: '1',
    heldTerms: [],
    holdFirstComment: false,
    trustedAfter: 1,
    ruleClauses: { 'blocked-term': '2', safeguarding: '6' },
    ...overrides,
  })
const member = (body: string) => ({ body, authorKind: 'member' as const })
const trusted = { approvedCommentsByAuthor: 5 }
const matches = (text: string) => findSafeguardingPhrases(text, DEFAULT_SAFEGUARDING_PHRASES)

describe('safeguarding phrases: matched', () => {
  test.each([
    ['I want to kill myself', 'kill myself'],
    ['Some days I just WANT TO DIE.', 'want to die'],
    ['I have been feeling suicidal since the ward closed', 'suicidal'],
    ["I can't go on like this", "can't go on"],
    ['i cant go on', "can't go on"],
    ['I cannot go on', "can't go on"],
    ['I can not go on any longer', "can't go on"],
    ['I can’t go on (curly apostrophe)', "can't go on"],
    ['Thinking of ending my life', 'ending my life'],
    ['I have started to self-harm again', 'self-harm'],
    ['I self harm when it gets bad', 'self-harm'],
    ['selfharm', 'selfharm'],
    ['I took an overdose last night', 'took an overdose'],
    ['My dad has crushing chest pain right now', 'chest pain'],
    ["Help, my baby can't breathe", "can't breathe"],
    ['he is not breathing!!', 'not breathing'],
    ['I think I am having a stroke, my face drooping', 'having a stroke'],
    ['Everyone would be better off without me', 'better off without me'],
    ["I don't want to be here anymore", "don't want to be here anymore"],
    ['...kill-myself...', 'kill myself'],
  ])('%s → %s', (text, phrase) => {
    expect(matches(text)).toContain(phrase)
  })
})

describe('safeguarding phrases: not matched (idioms and professional talk)', () => {
  test.each([
    'What a stroke of luck that the audit came back clean',
    "I'm dying to try the new rota app",
    'This dashboard is a killer app for ward managers',
    'An overdose of meetings this week',
    'Our suicide prevention training starts in January',
    'The opioid overdose pathway was updated',
    'Breathe in, breathe out: the mindfulness session helped',
    'We ended the pilot early',
    'Self-assessment forms are due',
    'The team was killing it at the conference',
    'A painless chest X-ray request form',
  ])('%s', (text) => {
    expect(matches(text)).toEqual([])
  })
})

test('phrases match whole words only', () => {
  expect(findSafeguardingPhrases('skill myselfless', ['kill myself'])).toEqual([])
  expect(findSafeguardingPhrases('unsuicidal', ['suicidal'])).toEqual([])
  expect(findSafeguardingPhrases('anything', ['', '   '])).toEqual([])
})

test('normalising: case, apostrophes, cannot, punctuation and spaces', () => {
  expect(normaliseForPhrases("  I CAN'T   go-on, I cannot! ")).toBe(' i cant go on i cant ')
})

describe('the safeguarding rule in a decision', () => {
  test('holds the comment urgent, citing clause 6 and naming the phrase', async () => {
    const decision = await decide(member('I want to end my life'), trusted, policy())
    expect(decision).toMatchObject({
      status: 'pending',
      urgent: true,
      reasons: [{ rule: RULE.safeguarding, clause: '6', detail: 'end my life' }],
    })
  })

  test('a comment that is also spam-like is still held urgent, for a person to read', async () => {
    const decision = await decide(member('buy followers, or I will kill myself'), trusted, policy())
    expect(decision.status).toBe('pending')
    expect(decision.urgent).toBe(true)
    expect(decision.reasons.map((reason) => reason.rule)).toEqual([
      RULE.blockedTerm,
      RULE.safeguarding,
    ])
  })

  test('switched off, or no phrase: not urgent', async () => {
    expect(
      (await decide(member('I want to die'), trusted, policy({ safeguardingLane: false }))).urgent,
    ).toBeUndefined()
    const calm = await decide(member('Thanks for the audit tips'), trusted, policy())
    expect(calm).toMatchObject({ status: 'approved', reasons: [] })
    expect(calm.urgent).toBeUndefined()
  })

  test('the policy list is used as edited', async () => {
    const edited = policy({ safeguardingPhrases: ['at the end of my tether'] })
    expect((await decide(member('At the end of my tether.'), trusted, edited)).urgent).toBe(true)
    expect((await decide(member('I want to die'), trusted, edited)).urgent).toBeUndefined()
  })
})

describe('waiting label', () => {
  const since = new Date('2026-12-07T10:00:00Z')
  test.each([
    ['2026-12-07T10:00:10Z', 'waiting 1 min'],
    ['2026-12-07T10:59:59Z', 'waiting 59 min'],
    ['2026-12-07T11:00:00Z', 'waiting 1 h'],
    ['2026-12-07T12:05:30Z', 'waiting 2 h 5 min'],
    ['2026-12-08T13:00:00Z', 'waiting 1 d 3 h'],
    ['2026-12-09T10:00:00Z', 'waiting 2 d'],
    ['2026-12-07T09:00:00Z', 'waiting 1 min'], // a clock behind the database's
  ])('at %s: %s', (now, label) => {
    expect(waitingLabel(since, new Date(now))).toBe(label)
  })
})

describe('the safeguarding emails', () => {
  test('the reply to the author: the policy text, paragraph by paragraph, signposting help', async () => {
    const email = await safeguardingReplyEmail({
      authorName: 'Sam',
      subject: DEFAULT_SAFEGUARDING_REPLY_SUBJECT,
      text: DEFAULT_SAFEGUARDING_REPLY,
    })
    expect(email.subject).toBe(DEFAULT_SAFEGUARDING_REPLY_SUBJECT)
    expect(email.text).toContain('Hello Sam,')
    for (const signpost of ['Samaritans', '116 123', 'NHS 111', '999', 'SHOUT to 85258'])
      expect(email.text).toContain(signpost)
    expect(email.html.match(/<p\b/g)?.length).toBeGreaterThanOrEqual(7)
  })

  test('the alert to moderators quotes the comment and links to it', async () => {
    const email = await urgentModeratorEmail({
      id: 7,
      body: 'I want to die',
      heldAt: '2026-12-07T10:15:00.000Z',
      adminURL: 'https://cms.example.org/admin/collections/comments/7',
    })
    expect(email.subject).toMatch(/^URGENT/)
    expect(email.text).toContain('I want to die')
    expect(email.text).toContain('10:15 UTC on 2026-12-07')
    expect(email.html).toContain('https://cms.example.org/admin/collections/comments/7')
  })
})

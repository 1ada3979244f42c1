import { RULE } from '@plugins/comment-moderation/constants'
import {
  decisionEmail,
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
    ['I have been feeling suicidal since the ward closed', 'feeling suicidal'],
    ['I feel suicidal most nights', 'I feel suicidal'],
    ["I'm suicidal", "I'm suicidal"],
    ['i am suicidal', "I'm suicidal"],
    ['im suicidal', "I'm suicidal"],
    ["I can't go on like this", "can't go on"],
    ['i cant go on', "can't go on"],
    ['I cannot go on', "can't go on"],
    ['I can not go on any longer', "can't go on"],
    ['I can’t go on (curly apostrophe)', "can't go on"],
    ['Thinking of ending my life', 'ending my life'],
    ['I have started to self-harm again', 'started to self-harm'],
    ['I self harm when it gets bad', 'I self-harm'],
    ['I have been self harming for months', 'been self-harming'],
    ['I started self-harming at uni', 'started self-harming'],
    ['I keep cutting myself', 'cutting myself'],
    ['I took an overdose last night', 'took an overdose'],
    ['I have taken too many tablets', 'too many tablets'],
    ['took too many pills', 'too many pills'],
    ["I think I'm overdosing", "I'm overdosing"],
    ['I might hang myself', 'hang myself'],
    ['I just want to end it all', 'end it all'],
    ['Thinking about ending it all', 'ending it all'],
    ['I do not want to live anymore', "don't want to live"],
    ['I dont want to live', "don't want to live"],
    ["I don't want to be here", "don't want to be here"],
    ["I don't want to be here anymore", "don't want to be here"],
    ['There is no point in living', 'no point in living'],
    ['no reason to live', 'no reason to live'],
    ['I wish I was not alive', "wish I wasn't alive"],
    ['I wish I wasnt alive', "wish I wasn't alive"],
    ['Everyone would be better off without me', 'better off without me'],
    ["They'd be better off dead", 'better off dead'],
    ['I have chest pain and my arm is numb', 'I have chest pain'],
    ['My dad is having chest pain right now', 'having chest pain'],
    ['My chest hurts so much', 'my chest hurts'],
    ["Help, my baby can't breathe", "can't breathe"],
    ['he is not breathing!!', 'not breathing'],
    ["he isn't breathing", 'not breathing'],
    ['I think I am having a stroke, my face drooping', 'having a stroke'],
    ['...kill-myself...', 'kill myself'],
  ])('%s → %s', (text, phrase) => {
    expect(matches(text)).toContain(phrase)
  })
})

describe('safeguarding phrases: not matched (idioms and professional talk)', () => {
  test.each([
    'What a stroke of luck that the audit came back clean',
    'A stroke of luck',
    "I'm dying to try the new rota app",
    'This dashboard is a killer app for ward managers',
    'Killer app',
    'An overdose of meetings this week',
    'Our suicide prevention training starts in January',
    'The suicide prevention strategy for 2027',
    'Suicidal ideation assessment training for all staff',
    'Patients with chest pain should be triaged within ten minutes',
    'Our self-harm pathway audit is out',
    'A self harm policy review',
    'The opioid overdose pathway was updated',
    'Breathe in, breathe out: the mindfulness session helped',
    'We ended the pilot early',
    'Self-assessment forms are due',
    'The team was killing it at the conference',
    'A painless chest X-ray request form',
    "I don't want to lie: the rota is hard",
    'We cannot live without the new scanner',
  ])('%s', (text) => {
    expect(matches(text)).toEqual([])
  })
})

test('the defaults are phrases: no single word', () => {
  expect(
    DEFAULT_SAFEGUARDING_PHRASES.filter(
      (phrase) => normaliseForPhrases(phrase).trim().split(' ').length < 2,
    ),
  ).toEqual([])
})

test('phrases match whole words only', () => {
  expect(findSafeguardingPhrases('skill myselfless', ['kill myself'])).toEqual([])
  expect(findSafeguardingPhrases('unsuicidal', ['suicidal'])).toEqual([])
  expect(findSafeguardingPhrases('anything', ['', '   '])).toEqual([])
})

test('normalising: case, apostrophes, contractions, punctuation and spaces', () => {
  expect(normaliseForPhrases("  I CAN'T   go-on, I cannot! ")).toBe(' i can not go on i can not ')
  expect(normaliseForPhrases("I'm sure I dont, we won't, it isn't")).toBe(
    ' i am sure i do not we will not it is not ',
  )
  // Only whole words: "want" and "image" stay as they are.
  expect(normaliseForPhrases('I want an image')).toBe(' i want an image ')
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
      subject: DEFAULT_SAFEGUARDING_REPLY_SUBJECT,
      text: DEFAULT_SAFEGUARDING_REPLY,
    })
    expect(email.subject).toBe(DEFAULT_SAFEGUARDING_REPLY_SUBJECT)
    // No name: a guest's name is whatever the poster typed, with someone else's address perhaps.
    expect(email.text).toMatch(/^Hello,/m)
    for (const signpost of ['Samaritans', '116 123', 'NHS 111', '999', 'SHOUT to 85258'])
      expect(email.text).toContain(signpost)
    expect(email.html.match(/<p\b/g)?.length).toBeGreaterThanOrEqual(7)
    // A moderator may publish it: the reply promises who reads it first, not that it stays private.
    expect(email.text).not.toMatch(/will not share/i)
    expect(email.text).toContain(
      'Only our moderators will read your comment before anything is decided about publishing it.',
    )
  })

  test('the decision email quotes the comment, unless told not to (a comment from the urgent lane)', async () => {
    const data = {
      authorName: 'Sam',
      approved: true,
      commentBody: 'Some nights I want to end my life',
      clause: null,
    }
    expect((await decisionEmail(data)).text).toContain('Some nights I want to end my life')
    const withoutExcerpt = await decisionEmail({ ...data, withoutExcerpt: true })
    expect(withoutExcerpt.text).not.toContain('end my life')
    expect(withoutExcerpt.html).not.toContain('end my life')
    expect(withoutExcerpt.subject).toBe('Your comment has been published')
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

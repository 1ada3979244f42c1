import { Blogs } from '@collections/Blogs'
import { EvaluationReports } from '@collections/EvaluationReports'
import { Events } from '@collections/Events'
import { withPreviewWarnings } from '@plugins/email-subscriptions/rules/previewWarnings'
import { ALL_PATIENT_DATA_GUARDS } from '@q-community/comment-moderation/rules'

import {
  emailPatientDataWarning,
  matchesWarnedPath,
  patientDataWarning,
  type WarnedField,
} from '@/content/patientDataWarning'
import { warnedFieldsOf } from '@/fields/patientDataWarning'
import { richText } from '@/seed/lexical'

const blogFields = warnedFieldsOf(Blogs.fields)

describe('the fields a draft warning reads', () => {
  test('a blog: title, excerpt and content (not the slug, nor hidden or virtual fields)', () => {
    expect(blogFields).toEqual([
      { path: 'title', label: 'Title', richText: false },
      { path: 'excerpt', label: 'Excerpt', richText: false },
      { path: 'content', label: 'Content', richText: true },
    ])
  })

  test('an evaluation report: every key finding too (an array row’s field)', () => {
    const fields = warnedFieldsOf(EvaluationReports.fields)
    expect(fields).toContainEqual({
      path: 'keyFindings.*.finding',
      label: 'Key findings: Finding',
      richText: false,
    })
    expect(
      patientDataWarning(
        fields,
        { 'keyFindings.*.finding': ['Fewer falls', 'Patient 943 476 5919 improved'] },
        ALL_PATIENT_DATA_GUARDS,
      ),
    ).toContain('NHS number in Key findings: Finding')
  })

  test.each([
    ['keyFindings.*.finding', 'keyFindings.0.finding', true],
    ['keyFindings.*.finding', 'keyFindings.12.finding', true],
    ['keyFindings.*.finding', 'keyFindings.0.findingx', false],
    ['keyFindings.*.finding', 'keyFindingsX0.finding', false],
    ['title', 'title', true],
    ['title', 'subtitle', false],
  ])('the form path %s matches %s: %s', (pattern, path, expected) => {
    expect(matchesWarnedPath(pattern, path)).toBe(expected)
  })

  test('an event: its summary, description and location too', () => {
    expect(warnedFieldsOf(Events.fields).map((field) => field.path)).toEqual(
      expect.arrayContaining(['title', 'summary', 'description', 'location']),
    )
  })
})

describe('the draft warning', () => {
  const draft = (values: Record<string, unknown>, fields: readonly WarnedField[] = blogFields) =>
    patientDataWarning(fields, values, ALL_PATIENT_DATA_GUARDS)

  test.each([
    [
      'phone numbers and dates',
      { title: 'Ward rounds', excerpt: 'Call 0161 496 0000', content: richText('On 12/03/2026.') },
      null,
    ],
    [
      'an NHS number in rich text',
      {
        title: 'Ward rounds',
        content: richText('Intro', { heading: 'Case' }, 'Mr X, 943 476 5919.'),
      },
      'This draft appears to contain patient-identifiable information (NHS number in Content) - remove it before publishing.',
    ],
    [
      'a CHI number in the title, an H&C number in the excerpt',
      { title: 'CHI 120356 1237', excerpt: 'H&C 320 123 4001', content: null },
      'This draft appears to contain patient-identifiable information (CHI number in Title; H&C number in Excerpt) - remove it before publishing.',
    ],
    [
      'a date of birth and a postcode in a list',
      { content: richText({ list: ['born 12/03/1956', 'lives at SW1A 1AA'] }) },
      'This draft appears to contain patient-identifiable information (date of birth next to a postcode in Content) - remove it before publishing.',
    ],
    ['content that is not Lexical', { content: '<p>not Lexical 9434765919</p>' }, null],
  ])('%s', (_name, values, expected) => {
    expect(draft(values)).toBe(expected)
  })

  test('follows the policy switches and never echoes the number', () => {
    const values = { title: 'CHI 120356 1237' }
    expect(
      patientDataWarning(blogFields, values, { ...ALL_PATIENT_DATA_GUARDS, chiNumberGuard: false }),
    ).toBeNull()
    expect(draft(values)).not.toMatch(/\d/)
  })
})

describe('the update-email preview warning', () => {
  const email = {
    subject: 'New on Q',
    html: '<html><body class="x"><p>Hi</p></body></html>',
    text: 'Hi',
  }

  test('names the kinds found, or nothing', () => {
    expect(emailPatientDataWarning([])).toEqual([])
    expect(emailPatientDataWarning(['nhs-number', 'chi-number'])).toEqual([
      'This email appears to contain patient-identifiable information (NHS number, CHI number) - remove it before publishing.',
    ])
  })

  test('shows above the email, escaped; an email without warnings is unchanged', () => {
    expect(withPreviewWarnings(email, [])).toBe(email)
    const warned = withPreviewWarnings(email, ['Check <this> & that'])
    expect(warned.html).toBe(
      '<html><body class="x"><div role="alert" data-preview-warning style="margin:0 0 16px;padding:12px 16px;border:2px solid #b42318;background:#fef3f2;color:#7a271a;font:15px/1.4 sans-serif"><p style="margin:0">Check &lt;this&gt; &amp; that</p></div><p>Hi</p></body></html>',
    )
    expect(warned.text).toBe('WARNING: Check <this> & that\n\nHi')
    expect(warned.subject).toBe('New on Q')
  })
})

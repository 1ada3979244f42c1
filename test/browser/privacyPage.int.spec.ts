/**
 * The member's privacy page (/account/privacy) in headless Chromium: a member logs in, sees the
 * three choices with their exact wording and version, changes one, and the change persists and
 * is recorded. Also the consent-purposes endpoint over HTTP (public, cacheable).
 */
import type { Browser } from 'playwright-core'

import { consentPurposesList } from '@/privacy/consent/purposesList'
import { CONSENT_PURPOSES } from '@/privacy/consentPurposes'

import { hasChromium, launchChromium } from '../helpers/browser'
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'

const describeWithChromium = hasChromium ? describe : describe.skip
if (!hasChromium)
  process.stderr.write(
    'Skipping privacy page browser test: /usr/bin/chromium is not installed (apt-get install chromium).\n',
  )

const EMAIL = 'privacy-page@members.example.org'
const PASSWORD = 'a-long-test-password'

let server: RunningServer
let browser: Browser
let client: ReturnType<typeof api>
let memberId: number

describeWithChromium('member privacy page in Chromium', () => {
  beforeAll(async () => {
    server = await startServer('browser-privacy')
    client = api(server.url)
    const admin = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const created = await client.request('POST', '/api/members', {
      token: admin,
      json: {
        name: 'Privacy Page',
        email: EMAIL,
        password: PASSWORD,
        profession: 'nurse',
        region: 'wales',
      },
    })
    expect(created.status).toBe(201)
    memberId = created.body.doc?.id as number
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('GET /api/members/consent-purposes gives the exact wording, publicly and cacheably', async () => {
    const response = await client.request('GET', '/api/members/consent-purposes')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toMatch(/public/)
    expect(response.body.purposes).toEqual(consentPurposesList())
    expect(response.body.purposes).toContainEqual(
      expect.objectContaining({
        purpose: 'networkAnalysis',
        label: CONSENT_PURPOSES.networkAnalysis.label,
        version: CONSENT_PURPOSES.networkAnalysis.version,
        default: false,
      }),
    )
  })

  test('a member logs in, changes a choice, and it persists with a consent record', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}/account/privacy`)
    await page.fill('input[name="email"]', EMAIL)
    await page.fill('input[name="password"]', PASSWORD)
    await page.click('button[type="submit"]')

    const analysis = page.getByTestId('consent-networkAnalysis')
    await analysis.waitFor({ timeout: 30_000 })
    expect(await page.getByText(CONSENT_PURPOSES.networkAnalysis.description).count()).toBe(1)
    expect(
      await page.getByText(`Wording version ${CONSENT_PURPOSES.networkAnalysis.version}`).count(),
    ).toBeGreaterThanOrEqual(1)
    expect(await page.getByText(CONSENT_PURPOSES.networkAnalysis.label).count()).toBe(1)
    expect(await analysis.isChecked()).toBe(false)
    expect(await page.getByTestId('consent-directory').isChecked()).toBe(true)
    expect(await page.getByTestId('download-my-data').getAttribute('href')).toBe(
      '/api/members/me/export',
    )
    expect(await page.getByTestId('delete-my-account').count()).toBe(1)

    // Each change is saved by its own PATCH; wait for the server's answer before the next.
    const saved = () =>
      page.waitForResponse(
        (response) => response.request().method() === 'PATCH' && response.status() === 200,
      )
    await Promise.all([saved(), analysis.check()])
    await Promise.all([saved(), page.getByTestId('consent-contact').uncheck()])
    await page.getByTestId('privacy-status').getByText('Saved.').waitFor()

    await page.reload()
    await page.getByTestId('consent-networkAnalysis').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('consent-networkAnalysis').isChecked()).toBe(true)
    expect(await page.getByTestId('consent-contact').isChecked()).toBe(false)
    await page.close()

    const token = await client.login('members', EMAIL, PASSWORD)
    const records = await client.request(
      'GET',
      `/api/consent-records?sort=recordedAt&limit=20&depth=0`,
      { token },
    )
    expect(records.status).toBe(200)
    const docs = (records.body.docs ?? []).map((doc) => ({
      member: Number(doc.member),
      purpose: String(doc.purpose),
      granted: doc.granted === true,
      source: String(doc.source),
    }))
    expect(docs.every((doc) => doc.member === memberId)).toBe(true)
    expect(docs.slice(-2).map((doc) => [doc.purpose, doc.granted, doc.source])).toEqual([
      ['networkAnalysis', true, 'member'],
      ['contact', false, 'member'],
    ])
    // The public reads nothing of it.
    expect((await client.request('GET', '/api/consent-records')).status).toBe(403)
  })
})

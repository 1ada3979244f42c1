/**
 * The member's privacy page (/account/privacy) in headless Chromium: a member logs in, sees the
 * three choices with their exact wording and version, changes one, and the change persists and
 * is recorded; downloads their data and asks for deletion. Then staff see the request in the
 * admin's Privacy area and download a network export there. Also the consent-purposes endpoint
 * over HTTP (public, cacheable).
 */
import { readFile } from 'node:fs/promises'

import type { Browser, Page } from 'playwright-core'

import { consentPurposesList } from '@/privacy/consent/purposesList'
import { CONSENT_PURPOSES } from '@/privacy/consentPurposes'

import { hasChromium, launchChromium, logInToAdmin } from '../helpers/browser'
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
let adminToken: string

/** Clicks `click` and reads the file the browser downloads. */
const downloadOf = async (page: Page, click: () => Promise<void>) => {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  const file = await download.path()
  return { name: download.suggestedFilename(), bytes: await readFile(file) }
}

const logInAsMember = async (page: Page) => {
  await page.goto(`${server.url}/account/privacy`)
  await page.fill('input[name="email"]', EMAIL)
  await page.fill('input[name="password"]', PASSWORD)
  await page.click('button[type="submit"]')
  await page.getByTestId('consent-networkAnalysis').waitFor({ timeout: 30_000 })
}

describeWithChromium('member privacy page in Chromium', () => {
  beforeAll(async () => {
    server = await startServer('browser-privacy')
    client = api(server.url)
    const admin = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    adminToken = admin
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
    await logInAsMember(page)
    const analysis = page.getByTestId('consent-networkAnalysis')
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

  test('the member downloads their data and asks for deletion; staff see it and download a network export in the Privacy area', async () => {
    const page = await browser.newPage()
    await logInAsMember(page)
    const own = await downloadOf(page, () => page.getByTestId('download-my-data').click())
    expect(own.name).toMatch(new RegExp(`^member-data-${memberId}-\\d{4}-\\d{2}-\\d{2}\\.json$`))
    const data = JSON.parse(own.bytes.toString('utf8')) as {
      summary: string[]
      profile: { email: string; networkAnalysis: boolean }
      consentRecords: { purpose: string }[]
    }
    expect(data.profile.email).toBe(EMAIL)
    expect(data.profile.networkAnalysis).toBe(true)
    expect(data.summary.length).toBeGreaterThan(0)
    expect(data.consentRecords.map((record) => record.purpose)).toContain('networkAnalysis')

    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByTestId('delete-my-account').click()
    await page.getByTestId('erase-requested').waitFor()
    await page.close()

    const PURPOSE = 'Browser test: the evaluation team asks for the spring network'
    const requested = await client.request('POST', '/api/network/exports', {
      token: adminToken,
      json: { purpose: PURPOSE },
    })
    expect(requested.status).toBe(202)
    const exportId = (requested.body as { id: number }).id
    for (let attempt = 0; attempt < 40; attempt += 1) {
      await client.request('GET', '/api/payload-jobs/run?queue=network-exports', {
        token: adminToken,
      })
      const current = await client.request('GET', `/api/network-exports/${exportId}`, {
        token: adminToken,
      })
      if (current.body.status === 'ready') break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }

    const staff = await browser.newPage()
    await logInToAdmin(staff, server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    // The navigation links to it (the nav itself is folded away at this window size).
    expect(await staff.getByTestId('privacy-nav-link').getAttribute('href')).toBe('/admin/privacy')
    await staff.goto(`${server.url}/admin/privacy`)
    const pending = staff.getByTestId('privacy-pending-erasures')
    await pending.getByText('Privacy Page').waitFor({ timeout: 30_000 })
    const exports = staff.getByTestId('privacy-exports')
    expect(await exports.getByText(PURPOSE).count()).toBe(1)
    expect(await exports.getByText('ready').count()).toBeGreaterThanOrEqual(1)
    expect(await staff.getByTestId('privacy-retention').locator('tbody tr').count()).toBe(3)

    await staff.goto(`${server.url}/admin/collections/network-exports`)
    const zip = await downloadOf(staff, () =>
      staff.getByRole('link', { name: 'Download' }).first().click(),
    )
    expect(zip.name).toBe(`q-network-export-${exportId}.zip`)
    // A ZIP starts with a local file header.
    expect(zip.bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004')
    await staff.close()
  })
})

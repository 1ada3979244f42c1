/**
 * The admin dashboard's network panel in headless Chromium: the summary matches the API and the
 * chart of average connections per member is drawn.
 */
import os from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'

import { hasChromium, launchChromium, logInToAdmin, waitForChartDrawn } from '../helpers/browser'
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
    'Skipping network dashboard browser test: /usr/bin/chromium is not installed (apt-get install chromium).\n',
  )

let server: RunningServer
let browser: Browser

describeWithChromium('network dashboard in Chromium', () => {
  beforeAll(async () => {
    server = await startServer('browser-network', { SEED: 'true' })
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('staff see the current figures and a chart of average connections over time', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logInToAdmin(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD)

    const summary = page.getByTestId('network-summary')
    await summary.waitFor({ timeout: 30_000 })
    const expected = (await api(server.url).request('GET', '/api/network/stats')).body
    expect(await summary.locator('[data-figure="members"] dd').innerText()).toBe(
      String(expected.members),
    )
    expect(await summary.locator('[data-figure="connections"] dd').innerText()).toBe(
      String(expected.connections),
    )
    expect(Number(expected.connections)).toBeGreaterThan(10) // the seeded network

    const chart = page.getByRole('img', { name: 'Average connections per member, by month' })
    await waitForChartDrawn(page, '.network-dashboard canvas')
    expect((await chart.boundingBox())?.height).toBeGreaterThan(100)
    await page.screenshot({ path: path.join(os.tmpdir(), 'q-cms-network-dashboard.png') })

    // The admin upload: a dry run of a file with one bad row lists it and writes nothing.
    await page.getByText('Import members and connections (CSV)').click()
    const form = page.getByRole('form', { name: 'Import members and connections' })
    await form.locator('input[name="members"]').setInputFiles({
      name: 'members.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'name,email,profession,region\nNew Person,new.person@example.org,nurse,wales\nBad Person,bad,nurse,wales\n',
      ),
    })
    await form.getByRole('button', { name: 'Check and import' }).click()
    const report = page.getByTestId('import-report')
    await report
      .getByText('members.csv line 3: email is not an email address')
      .waitFor({ timeout: 30_000 })
    expect(await report.innerText()).toContain('Nothing was imported')
    const after = (await api(server.url).request('GET', '/api/network/stats')).body
    expect(after.members).toBe(expected.members)
  })

  test('admins see a line on how the public read cache is doing', async () => {
    // Two anonymous reads of the same list: one miss, then one hit.
    const client = api(server.url)
    await client.request('GET', '/api/blogs?limit=3')
    await client.request('GET', '/api/blogs?limit=3')
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logInToAdmin(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    const line = page.getByTestId('read-cache-status')
    await line.waitFor({ timeout: 30_000 })
    const text = await line.innerText()
    expect(text).toMatch(
      /Public read cache: \d+% from memory \(\d+ hits, \d+ misses, \d+ not modified\), \d+\.\d MB of 64\.0 MB in \d+ responses/,
    )
    expect(Number(/\((\d+) hits/.exec(text)?.[1])).toBeGreaterThanOrEqual(1)
  })
})

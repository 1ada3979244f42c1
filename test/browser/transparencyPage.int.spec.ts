/**
 * The comments transparency report in the admin, in headless Chromium: the month's figures match
 * the public endpoint and the chart of the last twelve months is drawn.
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
    'Skipping transparency page browser test: /usr/bin/chromium is not installed (apt-get install chromium).\n',
  )

let server: RunningServer
let browser: Browser

describeWithChromium('comments transparency page in Chromium', () => {
  beforeAll(async () => {
    server = await startServer('browser-transparency', { SEED: 'true' })
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test("an admin opens the report (linked from the navigation): this month's figures and a chart", async () => {
    const client = api(server.url)
    const adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    await client.request('POST', '/api/globals/comment-policy', {
      token: adminToken,
      json: { floodIntervalSeconds: 0 },
    })
    const blogId = (await client.request('GET', '/api/blogs?limit=1')).body.docs?.[0]?.id
    const created = await client.request('POST', '/api/comments', {
      json: {
        target: { relationTo: 'blogs', value: blogId },
        body: 'A comment counted this month',
        authorName: 'Guest',
        authorEmail: 'transparency.guest@example.org',
        policyAccepted: true,
      },
    })
    expect(created.status).toBe(201)
    const month = new Date().toISOString().slice(0, 7)
    const expected = (await client.request('GET', `/api/comments/transparency?month=${month}`)).body
    expect(Number(expected.commentsReceived)).toBeGreaterThanOrEqual(1)

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logInToAdmin(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    // The navigation links to it (the nav itself is folded away at this window size).
    expect(
      await page.getByTestId('comments-transparency-nav-link').first().getAttribute('href'),
    ).toBe('/admin/comments-transparency')
    await page.goto(`${server.url}/admin/comments-transparency`)

    const summary = page.getByTestId('transparency-summary')
    await summary.waitFor({ timeout: 30_000 })
    expect(await summary.getAttribute('data-month')).toBe(month)
    expect(await summary.locator('[data-figure="commentsReceived"] dd').innerText()).toBe(
      String(expected.commentsReceived),
    )
    expect(await summary.locator('[data-figure="decisions"] dd').innerText()).toBe(
      String((expected.decisions as { total: number }).total),
    )
    expect(await page.getByTestId('transparency-months').locator('tbody tr').count()).toBe(12)

    const chart = page.getByRole('img', { name: 'Comments received, by month' })
    await waitForChartDrawn(page, '.comments-transparency canvas')
    expect((await chart.boundingBox())?.height).toBeGreaterThan(100)
    await page.screenshot({ path: path.join(os.tmpdir(), 'q-cms-comments-transparency.png') })
  })
})

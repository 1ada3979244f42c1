/**
 * The subscribers admin in headless Chromium: figures and growth chart above the list, the CSV
 * export, erasing one subscriber, and the update-email preview from a blog's sidebar.
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
    'Skipping subscribers admin browser test: /usr/bin/chromium is not installed (apt-get install chromium).\n',
  )

let server: RunningServer
let browser: Browser

describeWithChromium('subscribers admin in Chromium', () => {
  beforeAll(async () => {
    server = await startServer('browser-subscribers', { SEED: 'true' })
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('admins see counts by status and topic, a growth chart, and export the list', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logInToAdmin(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    const client = api(server.url)
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const stats = (await client.request('GET', '/api/subscribers/stats', { token })).body as {
      byStatus: Record<string, number>
      byTopic: Record<string, { instant: number; weekly: number }>
    }
    expect(stats.byStatus.confirmed).toBeGreaterThan(5) // the seeded subscribers

    await page.goto(`${server.url}/admin/collections/subscribers`)
    const counts = page.getByTestId('subscriber-status-counts')
    await counts.waitFor({ timeout: 30_000 })
    expect(await counts.locator('[data-status="confirmed"] dd').innerText()).toBe(
      String(stats.byStatus.confirmed),
    )
    expect(await counts.locator('[data-status="pending"] dd').innerText()).toBe(
      String(stats.byStatus.pending),
    )
    const blogsRow = page.getByTestId('subscriber-topic-counts').locator('[data-topic="blogs"] td')
    expect(await blogsRow.allInnerTexts()).toEqual([
      'Blogs',
      String(stats.byTopic.blogs?.instant),
      String(stats.byTopic.blogs?.weekly),
    ])
    await waitForChartDrawn(page, '.subscribers-overview canvas')
    await page.screenshot({ path: path.join(os.tmpdir(), 'q-cms-subscribers-overview.png') })

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Export all subscribers (CSV)' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^subscribers-\d{4}-\d{2}-\d{2}\.csv$/)
  })

  test('an admin erases one subscriber from its page', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logInToAdmin(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    const client = api(server.url)
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const target = (
      await client.request('GET', '/api/subscribers?where[email][equals]=gp.partner@example.org', {
        token,
      })
    ).body.docs?.[0]
    expect(target).toBeDefined()

    await page.goto(`${server.url}/admin/collections/subscribers/${target?.id}`)
    await page
      .getByRole('link', { name: 'Export this subscriber’s data (JSON)' })
      .waitFor({ timeout: 30_000 })
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: 'Erase this subscriber' }).click()
    await page.waitForURL(/\/admin\/collections\/subscribers\/?$/, { timeout: 30_000 })
    expect((await client.request('GET', `/api/subscribers/${target?.id}`, { token })).status).toBe(
      404,
    )
  })

  test("a blog's sidebar links to the preview of its update email", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logInToAdmin(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    const client = api(server.url)
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const blog = (await client.request('GET', '/api/blogs?limit=1', { token })).body.docs?.[0]

    await page.goto(`${server.url}/admin/collections/blogs/${blog?.id}`)
    const link = page.getByRole('link', { name: 'Preview the update email' })
    await link.waitFor({ timeout: 30_000 })
    const [preview] = await Promise.all([page.waitForEvent('popup'), link.click()])
    await preview.waitForLoadState()
    expect(await preview.content()).toContain(String(blog?.title).replace(/&/g, '&amp;'))
    expect(await preview.getByRole('link', { name: 'Read on Q' }).count()).toBe(1)
  })
})

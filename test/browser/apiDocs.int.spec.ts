/**
 * The API reference page (`/api/docs`) in headless Chromium: Swagger UI renders the generated
 * document (the blogs operations are listed), nothing is requested from another origin, and the
 * page's Content Security Policy refuses nothing it needs.
 */
import os from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'

import { hasChromium, launchChromium } from '../helpers/browser'
import { type RunningServer, startServer } from '../helpers/server'

const describeWithChromium = hasChromium ? describe : describe.skip
if (!hasChromium)
  process.stderr.write(
    'Skipping API reference browser test: /usr/bin/chromium is not installed (apt-get install chromium).\n',
  )

let server: RunningServer
let browser: Browser

describeWithChromium('API reference in Chromium', () => {
  beforeAll(async () => {
    server = await startServer('browser-api-docs')
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('renders the operations of /api/blogs from this origin only', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const requested: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))

    await page.goto(`${server.url}/api/docs`)
    const listBlogs = page.locator('.opblock-summary', { hasText: '/api/blogs' }).first()
    await listBlogs.waitFor({ timeout: 30_000 })
    expect(await page.locator('.opblock-tag', { hasText: 'blogs' }).count()).toBeGreaterThan(0)
    // Open one operation: its parameters (where, limit…) are shown.
    await page.locator('#operations-blogs-get_api_blogs .opblock-summary').click()
    await page.locator('#operations-blogs-get_api_blogs tr[data-param-name="where"]').waitFor()
    await page.screenshot({ path: path.join(os.tmpdir(), 'q-cms-api-docs.png') })

    const origin = new URL(server.url).origin
    const elsewhere = requested.filter(
      (url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'),
    )
    expect(elsewhere).toEqual([])
    expect(requested).toContain(`${origin}/api/openapi.json`)
    // A CSP refusal or a script error shows up here.
    expect(problems).toEqual([])
  })
})

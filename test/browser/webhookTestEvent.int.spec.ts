/**
 * The webhook's page in headless Chromium: "Send test event" posts a signed `webhook.test` to a
 * real local receiver and shows what it answered; the delivery appears in the page's log.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Browser } from 'playwright-core'

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
    'Skipping webhook admin browser test: /usr/bin/chromium is not installed (apt-get install chromium).\n',
  )

let server: RunningServer
let browser: Browser
let receiver: Server
const received: string[] = []

describeWithChromium('webhook test event in Chromium', () => {
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      received.push(String(req.headers['webhook-id']))
      req.resume()
      req.on('end', () => res.writeHead(204).end())
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    server = await startServer('browser-webhooks', { WEBHOOKS_ALLOW_PRIVATE_URLS: 'true' })
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    receiver?.closeAllConnections()
    await new Promise((resolve) => receiver?.close(resolve))
  })

  test('an admin sends a test event from the webhook’s page and sees it delivered', async () => {
    const client = api(server.url)
    const token = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const { port } = receiver.address() as AddressInfo
    const created = await client.request('POST', '/api/webhooks', {
      token,
      json: { name: 'Browser', url: `http://127.0.0.1:${port}/hooks`, events: ['publish'] },
    })
    expect(created.status).toBe(201)

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logInToAdmin(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    await page.goto(`${server.url}/admin/collections/webhooks/${created.body.doc?.id}`)
    await page.getByRole('button', { name: 'Send test event' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /^Delivered: HTTP 204 in \d+ ms\./ })
      .waitFor({ timeout: 30_000 })
    expect(received).toHaveLength(1)
    // The log is the server's: no "Add new" in the page's deliveries table.
    await page.reload()
    await page.getByText('webhook.test').first().waitFor({ timeout: 30_000 })
    expect(await page.getByText('Add new', { exact: true }).count()).toBe(0)
  })
})

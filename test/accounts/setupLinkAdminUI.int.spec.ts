/**
 * Item 9 of issue #9, as the operator meets it: with SEED=false and no ADMIN_* set, the setup link
 * printed on start opens the admin's "Create first user" form in a browser, and the account created
 * there is an admin. Headless Chromium against the real express host.
 */
import type { Browser } from 'playwright-core'

import { hasChromium, launchChromium } from '../helpers/browser'
import { api, type RunningServer, startServer } from '../helpers/server'

const describeWithChromium = hasChromium ? describe : describe.skip
if (!hasChromium)
  process.stderr.write(
    'Skipping the first-admin setup browser test: /usr/bin/chromium is not installed (apt-get install chromium).\n',
  )

const OPERATOR = {
  email: 'operator@test.example.org',
  password: 'operator-password-1',
  name: 'Site Operator',
}

let server: RunningServer
let browser: Browser

describeWithChromium('first admin through the setup link, in Chromium', () => {
  beforeAll(async () => {
    server = await startServer('accounts-setup-ui', {
      SEED: 'false',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
    })
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('the printed link opens the create-first-user form, which creates an admin', async () => {
    const link = server
      .output()
      .match(/https?:\/\/\S+\/api\/users\/setup\?token=[A-Za-z0-9_-]{43}/)?.[0]
    expect(link).toBeDefined()
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(link as string)
    await page.waitForURL(/\/admin\/create-first-user/, { timeout: 30_000 })
    // The form shows the auth email field and the collection's own email field: one form value.
    await page.locator('#field-email').first().fill(OPERATOR.email)
    await page.locator('#field-password').fill(OPERATOR.password)
    await page.locator('#field-confirm-password').fill(OPERATOR.password)
    await page.locator('#field-name').fill(OPERATOR.name)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(/\/admin\/?$/, { timeout: 30_000 })

    const client = api(server.url)
    const token = await client.login('users', OPERATOR.email, OPERATOR.password)
    expect((await client.request('GET', '/api/users/me', { token })).body.user?.roles).toEqual([
      'admin',
    ])
    // The link was single-use.
    expect((await fetch(link as string, { redirect: 'manual' })).status).toBe(403)
  })
})

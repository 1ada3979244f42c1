/**
 * A moderator's queue in the admin, in headless Chromium: held comments first, two approved
 * together with one reason (bulk edit), the decisions logged, the public then sees them; a comment
 * in the urgent (safeguarding) lane above newer and older held ones, with how long it has waited.
 */
import type { Browser, Page } from 'playwright-core'

import { hasChromium, launchChromium, logInToAdmin } from '../helpers/browser'
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'

const MODERATOR = { email: 'queue.moderator@test.example.org', password: 'moderator-password-1' }
const describeWithChromium = hasChromium ? describe : describe.skip
if (!hasChromium)
  process.stderr.write(
    'Skipping moderation-queue browser test: /usr/bin/chromium is not installed (apt-get install chromium).\n',
  )

let server: RunningServer
let browser: Browser
let page: Page
let client: ReturnType<typeof api>

describeWithChromium('moderation queue in Chromium', () => {
  beforeAll(async () => {
    server = await startServer('browser-queue', { SEED: 'true' })
    client = api(server.url)
    const adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    await client.request('POST', '/api/users', {
      token: adminToken,
      json: { name: 'Queue Moderator', ...MODERATOR, roles: ['moderator'] },
    })
    await client.request('POST', '/api/globals/comment-policy', {
      token: adminToken,
      json: { floodIntervalSeconds: 0 },
    })
    const blogId = (await client.request('GET', '/api/blogs?limit=1')).body.docs?.[0]?.id
    for (const [index, body] of [
      'Held one: thank you',
      'Held two: we tried this too',
      'Held three: a question',
    ].entries()) {
      const created = await client.request('POST', '/api/comments', {
        json: {
          target: { relationTo: 'blogs', value: blogId },
          body,
          authorName: `Guest ${index}`,
          authorEmail: `guest${index}@example.org`,
          policyAccepted: true,
        },
      })
      expect(created.body.doc?.status).toBe('pending')
    }
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('a moderator approves two held comments at once with a reason', async () => {
    await logInToAdmin(page, server.url, MODERATOR.email, MODERATOR.password)

    await page.goto(`${server.url}/admin/collections/comments`, { waitUntil: 'networkidle' })
    await page.getByText('Held three: a question').waitFor()
    await page.locator('tbody tr:nth-child(1) .checkbox-input input').check()
    await page.locator('tbody tr:nth-child(2) .checkbox-input input').check()
    await page
      .getByRole('button', { name: /^edit$/i })
      .first()
      .click()

    const drawer = page.locator('.drawer__content').last()
    const picker = drawer.locator('.field-select .rs__input').first()
    await picker.fill('Status')
    await picker.press('Enter')
    await picker.fill('Reason')
    await picker.press('Enter')
    await drawer.locator('#field-status .rs__control').click()
    await page.locator('.rs__menu').getByText('approved', { exact: true }).click()
    await drawer.locator('#field-reason').fill('Constructive, on topic')
    await drawer.getByRole('button', { name: 'Save', exact: true }).click()
    await drawer.waitFor({ state: 'detached', timeout: 30_000 })

    const publicList = await client.request('GET', '/api/comments?limit=50&depth=0')
    // The seeded demo conversation is public too; only this test's comments matter here.
    const visible = (publicList.body.docs ?? [])
      .map((doc) => String(doc.body))
      .filter((body) => body.startsWith('Held'))
    expect(visible.sort()).toEqual(['Held three: a question', 'Held two: we tried this too']) // the oldest stays in the queue
    const moderatorToken = await client.login('users', MODERATOR.email, MODERATOR.password)
    const log = await client.request(
      'GET',
      '/api/comment-decisions?where[source][equals]=moderator',
      { token: moderatorToken },
    )
    expect(log.body.docs?.map((row) => [row.to, row.reason])).toEqual([
      ['approved', 'Constructive, on topic'],
      ['approved', 'Constructive, on topic'],
    ])
  })

  test('an urgent comment comes first in the queue, above newer and older held ones, showing its wait', async () => {
    const blogId = (await client.request('GET', '/api/blogs?limit=1')).body.docs?.[0]?.id
    const postGuest = (body: string, email: string) =>
      client.request('POST', '/api/comments', {
        json: {
          target: { relationTo: 'blogs', value: blogId },
          body,
          authorName: 'Queue Guest',
          authorEmail: email,
          policyAccepted: true,
        },
      })
    expect(
      (await postGuest('Urgent one: I cannot go on any more', 'urgent@example.org')).status,
    ).toBe(201)
    expect(
      (await postGuest('Held four: newer than the urgent one', 'newer@example.org')).status,
    ).toBe(201)

    await page.goto(`${server.url}/admin/collections/comments`, { waitUntil: 'networkidle' })
    const first = page.locator('tbody tr').first()
    await first.getByText('Urgent one: I cannot go on any more').waitFor()
    await expect(first.locator('.comment-waiting--urgent').textContent()).resolves.toMatch(
      /^Urgent · waiting \d+ min$/,
    )
    const rows = await page.locator('tbody tr').allTextContents()
    const position = (text: string) => rows.findIndex((row) => row.includes(text))
    expect(position('Held four: newer than the urgent one')).toBe(1)
    expect(position('Held one: thank you')).toBeGreaterThan(1)
    expect(rows[position('Held four: newer than the urgent one')]).toMatch(/waiting \d+ min/)
    expect(rows[position('Held one: thank you')]).not.toMatch(/Urgent/)
  })
})

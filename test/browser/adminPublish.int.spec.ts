/**
 * An editor's day in the admin, in headless Chromium: log in, write a blog with a hero image
 * uploaded on the spot, publish it; the public REST API then shows it with its image sizes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'

import { hasChromium, launchChromium, logInToAdmin } from '../helpers/browser'
import { bringWaitingJobsForward } from '../helpers/scheduledJobs'
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  api,
  type RunningServer,
  startServer,
} from '../helpers/server'

const EDITOR = { email: 'browser.editor@test.example.org', password: 'editor-password-1' }
const describeWithChromium = hasChromium ? describe : describe.skip
if (!hasChromium)
  process.stderr.write(
    'Skipping admin browser tests: /usr/bin/chromium is not installed (apt-get install chromium).\n',
  )

let server: RunningServer
let browser: Browser
let page: Page

describeWithChromium('admin UI in Chromium', () => {
  beforeAll(async () => {
    // The queue is worked every second, so the scheduled publish runs as soon as it is due
    // instead of at the next minute's tick (the default cron is once a minute).
    server = await startServer('browser', { SEED: 'true', JOBS_CRON: '* * * * * *' })
    const client = api(server.url)
    const adminToken = await client.login('users', ADMIN_EMAIL, ADMIN_PASSWORD)
    const created = await client.request('POST', '/api/users', {
      token: adminToken,
      json: { name: 'Browser Editor', ...EDITOR, roles: ['editor'] },
    })
    expect(created.status).toBe(201)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('an editor logs in, creates a blog with an image, publishes it, and the public API shows it', async () => {
    await logInToAdmin(page, server.url, EDITOR.email, EDITOR.password)

    await page.goto(`${server.url}/admin/collections/blogs/create`)
    const title = 'Testing change ideas on a Welsh ward'
    await page.locator('#field-title').fill(title)
    await page.locator('#field-excerpt').fill('What a ward team learned from three PDSA cycles.')

    // Upload the hero image from inside the blog form.
    const imagePath = path.join(mkdtempSync(path.join(os.tmpdir(), 'q-cms-img-')), 'ward.png')
    writeFileSync(
      imagePath,
      await sharp({ create: { width: 1800, height: 1000, channels: 3, background: '#00798c' } })
        .png()
        .toBuffer(),
    )
    const heroField = page.locator('#field-heroImage')
    await heroField.getByRole('button', { name: /create new/i }).click()
    const drawer = page.locator('.drawer__content').last()
    await drawer.locator('input[type="file"]').setInputFiles(imagePath)
    await drawer.locator('#field-alt').fill('A ward team around a run chart')
    await drawer.locator('#action-save').click()
    await page.locator('.drawer__content').last().waitFor({ state: 'detached', timeout: 30_000 })
    await heroField.getByText(/ward/).first().waitFor({ timeout: 30_000 })

    await page.locator('#action-save').click() // "Publish changes" on a drafts-enabled collection
    await page
      .getByText(/blog successfully (created|updated)/i)
      .first()
      .waitFor({ timeout: 30_000 })
    await page
      .getByText('Status:')
      .locator('..')
      .getByText('Published')
      .waitFor({ timeout: 30_000 })
    await page.screenshot({ path: path.join(os.tmpdir(), 'q-cms-admin-published.png') })

    const publicView = await api(server.url).request(
      'GET',
      '/api/blogs?where[slug][equals]=testing-change-ideas-on-a-welsh-ward&depth=1',
    )
    expect(publicView.status).toBe(200)
    const blog = publicView.body.docs?.[0]
    expect(blog?.title).toBe(title)
    expect(blog?._status).toBe('published')
    expect(blog?.publishedAt).toEqual(expect.any(String))
    const hero = blog?.heroImage as { alt: string; sizes: Record<string, { url: string | null }> }
    expect(hero.alt).toBe('A ward team around a run chart')
    expect(hero.sizes.card.url).toMatch(/ward.*768x432\.png$/)
  })

  test('a draft holding a patient identifier shows a warning as the editor types, and still saves', async () => {
    await page.goto(`${server.url}/admin/collections/blogs/create`, { waitUntil: 'networkidle' })
    const warning = page.getByTestId('patient-data-warning')
    await page.locator('#field-title').fill('A case from the ward')
    await page.locator('#field-excerpt').fill('Call 020 7946 0958 before 12/03/2027')
    expect(await warning.count()).toBe(0)

    await page.locator('#field-excerpt').fill('Mr X, NHS 943 476 5919, was seen')
    await warning.waitFor({ timeout: 10_000 })
    const content = page.locator('.rich-text-lexical [contenteditable="true"]').first()
    await content.click()
    await content.pressSequentially('His CHI is 120356 1237.')
    await warning
      .getByText(
        'This draft appears to contain patient-identifiable information (NHS number in Excerpt; CHI number in Content) - remove it before publishing.',
      )
      .waitFor({ timeout: 10_000 })
    expect(await warning.textContent()).not.toMatch(/5919|1237/)

    // A warning, not a block: the draft saves, so the editor can fix it there.
    await page.locator('#action-save-draft').click()
    await page
      .getByText(/blog successfully created/i)
      .first()
      .waitFor({ timeout: 30_000 })
    await page.locator('#field-excerpt').fill('Mr X was seen')
    await warning
      .getByText('(CHI number in Content)', { exact: false })
      .waitFor({ timeout: 10_000 })
  })

  test('an editor saves a draft and schedules it; the jobs queue publishes it when it falls due', async () => {
    await page.goto(`${server.url}/admin/collections/blogs/create`, { waitUntil: 'networkidle' })
    const title = 'Scheduled: welcome events from March'
    await page.locator('#field-title').fill(title)
    await page.locator('#action-save-draft').click()
    await page
      .getByText(/blog successfully created/i)
      .first()
      .waitFor({ timeout: 30_000 })
    const slugQuery = '/api/blogs?where[slug][equals]=scheduled-welcome-events-from-march'
    expect((await api(server.url).request('GET', slugQuery)).body.docs).toEqual([])

    await page.locator('.doc-controls .popup-button').first().click()
    await page.getByText('Schedule Publish').click()
    const drawer = page.locator('.drawer__content').last()
    await drawer.getByText('Publish', { exact: true }).click()
    // The picker has minute precision; the next whole minute is the soonest it can fire.
    const when = new Date(Date.now() + 60_000)
    const typed = when
      .toLocaleString('en-US', {
        month: 'short',
        day: 'numeric',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'UTC',
      })
      .replace(' at ', ' ')
    await drawer.locator('.date-time-picker input').fill(typed)
    await drawer.locator('.date-time-picker input').press('Enter')
    await drawer.locator('#scheduled-publish-save').click()
    await page
      .getByText(/scheduled successfully/i)
      .first()
      .waitFor({ timeout: 30_000 })
    await drawer
      .locator('.schedule-publish__upcoming')
      .getByText('Publish', { exact: true })
      .waitFor()

    // The UI queued one schedulePublish job for the typed minute. Rather than wait for the clock
    // to reach it (up to a minute), move that job's due time to now: the server's own queue
    // (worked every second) then runs the real task, which publishes the blog.
    const scheduledMinute = new Date(when)
    scheduledMinute.setUTCSeconds(0, 0)
    const jobs = await bringWaitingJobsForward(server.databaseURL, 'schedulePublish')
    expect(jobs.map((job) => job.waitUntil.toISOString())).toEqual([scheduledMinute.toISOString()])

    const deadline = Date.now() + 30_000
    let status: unknown
    while (Date.now() < deadline) {
      status = (await api(server.url).request('GET', slugQuery)).body.docs?.[0]?._status
      if (status === 'published') break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(status).toBe('published')
  }, 120_000)
})

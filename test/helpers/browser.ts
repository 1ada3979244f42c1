import { existsSync } from 'node:fs'

import { type Browser, chromium, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM_PATH)

/**
 * Debian's Chromium, headless, with everything that would reach the network switched off.
 * Playwright gives every launch a fresh, empty profile directory of its own.
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })

/** Logs a staff user in to the admin and waits for the dashboard. */
export const logInToAdmin = async (
  page: Page,
  serverURL: string,
  email: string,
  password: string,
): Promise<void> => {
  await page.goto(`${serverURL}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 30_000 })
}

/** Waits until the canvas matching `selector` has been drawn on (some pixel is not transparent). */
export const waitForChartDrawn = (page: Page, selector: string): Promise<unknown> =>
  page.waitForFunction((canvasSelector) => {
    const canvas = document.querySelector(canvasSelector) as HTMLCanvasElement | null
    if (!canvas || canvas.width === 0) return false
    const pixels =
      canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? []
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true
    return false
  }, selector)

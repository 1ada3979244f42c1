import {
  type CMSDocumentEvent,
  handleCMSWebhook,
  recentMessageIds,
} from '../../client/examples/verifyWebhook'
import { TEST_EVENT_TYPE } from '../../src/webhooks/constants'
import { buildTestPayload, buildWebhookPayload } from '../../src/webhooks/rules/payload'
import { generateWebhookSecret } from '../../src/webhooks/rules/secret'
import { signDelivery } from '../../src/webhooks/sign'

/** The README's receiver, fed a message signed the way the CMS signs deliveries. */
describe('the README webhook receiver (client/examples/verifyWebhook.ts)', () => {
  const secret = generateWebhookSecret()
  const body = JSON.stringify(
    buildWebhookPayload({
      type: 'blogs.published',
      collection: 'blogs',
      doc: { id: 3, slug: 'hello', title: 'Hello' },
      status: 'published',
      now: new Date(),
    }),
  )
  const request = (headers: Record<string, string>, text = body) =>
    new Request('https://frontend.example.org/api/revalidate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: text,
    })
  const signed = (id: string, text = body) =>
    request(signDelivery(secret, id, text, new Date()), text)

  test('accepts a message the CMS signed and hands over the event and its id, once', async () => {
    const seen: [string, string][] = []
    const onEvent = (event: CMSDocumentEvent, id: string) => void seen.push([event.data.url, id])
    const ids = recentMessageIds()
    expect((await handleCMSWebhook(signed('msg_1'), secret, onEvent, ids)).status).toBe(204)
    // A retry of a message whose 2xx was lost: acknowledged, not handled again.
    expect((await handleCMSWebhook(signed('msg_1'), secret, onEvent, ids)).status).toBe(204)
    expect(seen).toEqual([[expect.stringMatching(/\/blogs\/hello$/), 'msg_1']])
  })

  test('a message whose handling failed is handled when it comes again', async () => {
    const ids = recentMessageIds()
    const failing = () => Promise.reject(new Error('CDN down'))
    await expect(handleCMSWebhook(signed('msg_5'), secret, failing, ids)).rejects.toThrow('CDN')
    const seen: string[] = []
    await handleCMSWebhook(signed('msg_5'), secret, (_event, id) => void seen.push(id), ids)
    expect(seen).toEqual(['msg_5'])
  })

  test('webhook.test is acknowledged without reaching onEvent', async () => {
    const test = JSON.stringify(buildTestPayload(TEST_EVENT_TYPE, new Date()))
    const seen: string[] = []
    const response = await handleCMSWebhook(signed('msg_6', test), secret, (_e, id) => {
      seen.push(id)
    })
    expect(response.status).toBe(204)
    expect(seen).toEqual([])
  })

  test('remembers a bounded number of ids, forgetting the oldest', () => {
    const ids = recentMessageIds(2)
    for (const id of ['a', 'b', 'c']) ids.add(id)
    expect([ids.has('a'), ids.has('b'), ids.has('c')]).toEqual([false, true, true])
  })

  test.each([
    ['a changed body', () => request(signDelivery(secret, 'msg_2', body, new Date()), `${body} `)],
    [
      'another secret',
      () => request(signDelivery(generateWebhookSecret(), 'msg_3', body, new Date())),
    ],
    [
      'a replay ten minutes late',
      () => request(signDelivery(secret, 'msg_4', body, new Date(Date.now() - 600_000))),
    ],
    ['no signature', () => request({})],
  ])('refuses %s with 401', async (_name, make) => {
    const seen: string[] = []
    const response = await handleCMSWebhook(make(), secret, (_event, id) => void seen.push(id))
    expect(response.status).toBe(401)
    expect(seen).toEqual([])
  })
})

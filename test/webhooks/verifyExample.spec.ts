import { handleCMSWebhook } from '../../client/examples/verifyWebhook'
import { buildWebhookPayload } from '../../src/webhooks/rules/payload'
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

  test('accepts a message the CMS signed and hands over the event and its id', async () => {
    const seen: [string, string][] = []
    const response = await handleCMSWebhook(
      request(signDelivery(secret, 'msg_1', body, new Date())),
      secret,
      (event, id) => void seen.push([event.data.url, id]),
    )
    expect(response.status).toBe(204)
    expect(seen).toEqual([[expect.stringMatching(/\/blogs\/hello$/), 'msg_1']])
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

import type { FieldHookArgs } from 'payload'

import { clearSecretOnDuplicate } from '../../collections/Webhooks/hooks/clearSecretOnDuplicate'
import { ensureSecret } from '../../collections/Webhooks/hooks/ensureSecret'
import { deliverWebhookTask } from '../../src/webhooks/tasks/deliverWebhook'

describe('a duplicated webhook gets a secret of its own', () => {
  test('the copy starts without the secret, and ensureSecret generates a new one on create', async () => {
    const original = 'whsec_' + Buffer.alloc(32, 1).toString('base64')
    const args = (value: unknown, operation: 'create' | 'update') =>
      ({ value, operation, originalDoc: { secret: original } }) as unknown as FieldHookArgs
    const copied = await clearSecretOnDuplicate(args(original, 'create'))
    expect(copied).toBeNull()
    const generated = await ensureSecret(args(copied, 'create'))
    expect(generated).toMatch(/^whsec_/)
    expect(generated).not.toBe(original)
  })
})

describe('deliverWebhook: a webhook that cannot be read is not a deleted one', () => {
  const { handler } = deliverWebhookTask()
  if (typeof handler !== 'function') throw new Error('deliverWebhook has an inline handler')
  type Args = Parameters<typeof handler>[0]
  const run = (findByID: () => Promise<unknown>) =>
    handler({
      input: { webhook: '1', messageId: 'msg_1', eventType: 'blogs.published', body: '{}' },
      job: { totalTried: 0 },
      req: { payload: { findByID } },
    } as unknown as Args)

  test('a database error fails the run, so the queue retries it', async () => {
    await expect(run(() => Promise.reject(new Error('connection lost')))).rejects.toThrow(
      'connection lost',
    )
  })

  test('a deleted (not found) webhook ends the job without sending', async () => {
    await expect(run(() => Promise.resolve(null))).resolves.toEqual({
      output: { delivered: false, status: null },
    })
  })
})

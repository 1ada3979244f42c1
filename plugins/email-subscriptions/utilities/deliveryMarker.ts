import { DELIVERY_STATUS } from '../constants'
import type { DeliveryStore } from './deliveryStore'

/** Marks of accepted messages are written together within this many ms (short: a crash in between resends those). */
export const MARK_INTERVAL_MS = 50

/**
 * Writes the outcome of sends a few milliseconds apart, one statement per status, rather than one
 * statement per message. The interval is short: a worker that dies between a send and its mark
 * sends that message again (with the same Message-ID).
 */
export const createDeliveryMarker = (store: DeliveryStore, mailing: string) => {
  let sent: string[] = []
  let failed: string[] = []
  let lastError: string | undefined
  let timer: NodeJS.Timeout | undefined
  let writing: Promise<void> = Promise.resolve()
  const flush = () => {
    timer = undefined
    const [sentIds, failedIds, error] = [sent, failed, lastError]
    sent = []
    failed = []
    if (sentIds.length)
      writing = writing.then(() => store.mark(mailing, sentIds, DELIVERY_STATUS.sent))
    if (failedIds.length)
      writing = writing.then(() => store.mark(mailing, failedIds, DELIVERY_STATUS.failed, error))
  }
  const schedule = () => {
    timer ??= setTimeout(flush, MARK_INTERVAL_MS)
  }
  return {
    sent: (id: string) => {
      sent.push(id)
      schedule()
    },
    failed: (id: string, error: string) => {
      failed.push(id)
      lastError = error
      schedule()
    },
    drain: async () => {
      clearTimeout(timer)
      flush()
      await writing
    },
  }
}

// Server-side helpers for hosts: scripts (`npm run digest`) and seeds.
export { type FanOutProgress, type MailingResult } from '../email/sendMailing'
export { createDigestNow, runMailingByKey } from '../utilities/mailings'
export { subscriptionOptionsOf } from '../utilities/subscriptionOptions'
export { newManageCredentials } from '../utilities/tokens'
export { deleteUnconfirmedSubscribers } from '../utilities/unconfirmed'

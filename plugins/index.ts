/**
 * The first-party plugins, each a package of its own folder (see plugins/README.md). The host
 * wires them to its settings in src/plugins.ts.
 */
export { commentModeration } from './comment-moderation'
export { emailSubscriptions } from './email-subscriptions'

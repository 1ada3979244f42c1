import type { Plugin } from 'payload'

/**
 * Every plugin the CMS runs, in order. First-party plugins live in their own folders here
 * (see plugins/README.md); they arrive with the comment-moderation and email-subscriptions work.
 */
export const plugins: Plugin[] = []

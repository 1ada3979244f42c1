import type { Field, FieldAccess } from 'payload'

/** On each collection that takes comments. */
export const commentsEnabledField: Field = {
  name: 'commentsEnabled',
  type: 'checkbox',
  defaultValue: true,
  admin: { position: 'sidebar', description: 'Untick to close comments on this page.' },
}

/** On the author collection: a member's ban state, set through the ban / unban endpoints only. */
export const commentingField = (isModeratorField: FieldAccess): Field => ({
  name: 'commenting',
  type: 'group',
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: 'Set through the moderation tools (ban / unban).',
  },
  access: { read: isModeratorField, update: () => false, create: () => false },
  fields: [
    { name: 'banned', type: 'checkbox', defaultValue: false },
    { name: 'bannedUntil', type: 'date' },
    { name: 'banReason', type: 'textarea' },
  ],
})

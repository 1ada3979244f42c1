/** Collection slugs: the REST paths (`/api/<slug>`) frontends are built against. */
export const SLUGS = {
  users: 'users',
  members: 'members',
  blogs: 'blogs',
  interviews: 'interviews',
  events: 'events',
  labThemes: 'lab-themes',
  evaluationReports: 'evaluation-reports',
  media: 'media',
  connections: 'connections',
  webhooks: 'webhooks',
  webhookDeliveries: 'webhook-deliveries',
} as const

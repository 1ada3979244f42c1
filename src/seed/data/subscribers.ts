/**
 * Demo subscribers (example.org addresses, which are reserved and never deliverable) spread over
 * the last six months, so the subscribers overview and its growth chart mean something on first
 * start. `daysAgo` is when they confirmed.
 */
type SeedSubscriber = {
  email: string
  topics: ('blogs' | 'interviews' | 'events' | 'lab-themes' | 'evaluation-reports')[]
  frequency: 'instant' | 'weekly'
  status: 'pending' | 'confirmed' | 'unsubscribed' | 'suppressed'
  daysAgo: number
}

const everything: SeedSubscriber['topics'] = ['blogs', 'interviews', 'events', 'lab-themes', 'evaluation-reports']

export const seedSubscribers: SeedSubscriber[] = [
  { email: 'ward.sister@example.org', topics: everything, frequency: 'weekly', status: 'confirmed', daysAgo: 175 },
  { email: 'qi.lead.cardiff@example.org', topics: ['blogs', 'lab-themes'], frequency: 'instant', status: 'confirmed', daysAgo: 160 },
  { email: 'gp.partner@example.org', topics: ['blogs'], frequency: 'weekly', status: 'confirmed', daysAgo: 150 },
  { email: 'pharmacist.leeds@example.org', topics: ['events'], frequency: 'instant', status: 'confirmed', daysAgo: 131 },
  { email: 'evaluation.fan@example.org', topics: ['evaluation-reports'], frequency: 'instant', status: 'confirmed', daysAgo: 120 },
  { email: 'patient.partner@example.org', topics: ['blogs', 'interviews'], frequency: 'weekly', status: 'unsubscribed', daysAgo: 110 },
  { email: 'ops.manager@example.org', topics: everything, frequency: 'instant', status: 'confirmed', daysAgo: 96 },
  { email: 'data.analyst@example.org', topics: ['blogs', 'evaluation-reports'], frequency: 'weekly', status: 'confirmed', daysAgo: 80 },
  { email: 'old.address@example.org', topics: ['events'], frequency: 'instant', status: 'suppressed', daysAgo: 70 },
  { email: 'physio.glasgow@example.org', topics: ['interviews', 'events'], frequency: 'instant', status: 'confirmed', daysAgo: 54 },
  { email: 'midwife.belfast@example.org', topics: ['lab-themes'], frequency: 'weekly', status: 'confirmed', daysAgo: 40 },
  { email: 'trainee.doctor@example.org', topics: everything, frequency: 'weekly', status: 'confirmed', daysAgo: 26 },
  { email: 'commissioner@example.org', topics: ['evaluation-reports', 'events'], frequency: 'instant', status: 'confirmed', daysAgo: 12 },
  { email: 'care.home.manager@example.org', topics: ['blogs'], frequency: 'instant', status: 'confirmed', daysAgo: 5 },
  { email: 'new.member@example.org', topics: everything, frequency: 'weekly', status: 'pending', daysAgo: 1 },
]

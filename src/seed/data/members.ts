import type { Member } from '@q-community/cms-client/types'

export type SeedMember = Pick<Member, 'name' | 'email' | 'profession' | 'organisation' | 'region' | 'interests' | 'bio'> & {
  joinedAt: string
  directoryVisible?: boolean
  /** Demo members agreed to network analysis unless said otherwise, so the dashboard has a network. */
  networkAnalysis?: boolean
}

/**
 * A dozen improvers across the UK nations and English regions. All but the interviewee are
 * fictional; emails use the reserved example.org domain so nothing can be mailed by accident.
 */
export const seedMembers: SeedMember[] = [
  {
    name: 'Carolyn Johnston',
    email: 'carolyn.johnston@example.org',
    profession: 'doctor',
    organisation: 'A Northern Ireland health and social care trust',
    region: 'northern-ireland',
    interests: ['patient-safety', 'leadership', 'co-design'],
    bio: 'Consultant anaesthetist who brings theatre teams and patients together to make surgery safer.',
    joinedAt: '2025-06-01T09:00:00.000Z',
  },
  {
    name: 'Amara Okafor',
    email: 'amara.okafor@example.org',
    profession: 'nurse',
    organisation: 'Community nursing service, Greater Manchester',
    region: 'north-west',
    interests: ['self-management', 'primary-care'],
    bio: 'District nurse testing ways for people with long-term conditions to plan their own care.',
    joinedAt: '2025-09-12T09:00:00.000Z',
  },
  {
    name: 'Rhys Llewellyn',
    email: 'rhys.llewellyn@example.org',
    profession: 'improvement-specialist',
    organisation: 'A Welsh health board improvement team',
    region: 'wales',
    interests: ['data-and-measurement', 'evaluation'],
    bio: 'Coaches frontline teams in measurement for improvement and run charts.',
    joinedAt: '2025-10-03T09:00:00.000Z',
  },
  {
    name: 'Isla MacLeod',
    email: 'isla.macleod@example.org',
    profession: 'allied-health-professional',
    organisation: 'Physiotherapy service, NHS Highland',
    region: 'scotland',
    interests: ['self-management', 'person-centred-care'],
    bio: 'Physiotherapist redesigning rehabilitation around what matters to patients.',
    joinedAt: '2026-01-16T09:00:00.000Z',
  },
  {
    name: 'Priya Shah',
    email: 'priya.shah@example.org',
    profession: 'pharmacist',
    organisation: 'Primary care network, Leicester',
    region: 'east-midlands',
    interests: ['primary-care', 'health-inequalities'],
    bio: 'Clinical pharmacist working on medicines reviews with people who rarely see a GP.',
    joinedAt: '2026-02-06T09:00:00.000Z',
  },
  {
    name: 'Tom Hargreaves',
    email: 'tom.hargreaves@example.org',
    profession: 'manager',
    organisation: 'Acute trust, Leeds',
    region: 'yorkshire-and-the-humber',
    interests: ['leadership', 'workforce'],
    bio: 'Operational manager growing a culture of continuous improvement across wards.',
    joinedAt: '2026-02-20T09:00:00.000Z',
  },
  {
    name: 'Grace Adeyemi',
    email: 'grace.adeyemi@example.org',
    profession: 'patient-leader',
    organisation: 'Independent patient leader',
    region: 'london',
    interests: ['co-design', 'self-management', 'health-inequalities'],
    bio: 'Lives with a long-term condition and co-designs services with the people who use them.',
    joinedAt: '2026-03-01T09:00:00.000Z',
  },
  {
    name: 'Daniel Byrne',
    email: 'daniel.byrne@example.org',
    profession: 'researcher',
    organisation: 'University improvement science group, Newcastle',
    region: 'north-east',
    interests: ['evaluation', 'data-and-measurement'],
    bio: 'Researches how improvement communities spread learning between organisations.',
    joinedAt: '2026-03-13T09:00:00.000Z',
  },
  {
    name: 'Fatima Rahman',
    email: 'fatima.rahman@example.org',
    profession: 'doctor',
    organisation: 'General practice, Birmingham',
    region: 'west-midlands',
    interests: ['primary-care', 'mental-health'],
    bio: 'GP improving access to mental health support in primary care.',
    joinedAt: '2026-04-03T09:00:00.000Z',
  },
  {
    name: 'Oliver Bennett',
    email: 'oliver.bennett@example.org',
    profession: 'commissioner',
    organisation: 'Integrated care board, Cambridge',
    region: 'east-of-england',
    interests: ['digital', 'evaluation'],
    bio: 'Commissions digital services and wants to know which ones really help.',
    joinedAt: '2026-05-08T09:00:00.000Z',
  },
  {
    name: 'Sophie Turner',
    email: 'sophie.turner@example.org',
    profession: 'nurse',
    organisation: 'Mental health trust, Brighton',
    region: 'south-east',
    interests: ['mental-health', 'patient-safety'],
    bio: 'Mental health nurse reducing restrictive practice on inpatient wards.',
    joinedAt: '2026-06-19T09:00:00.000Z',
    directoryVisible: false,
    networkAnalysis: false,
  },
  {
    name: 'Marcus Ellery',
    email: 'marcus.ellery@example.org',
    profession: 'improvement-specialist',
    organisation: 'Academic health science network, Bristol',
    region: 'south-west',
    interests: ['co-design', 'digital', 'self-management'],
    bio: 'Supports teams across the South West to test and spread self-care tools.',
    joinedAt: '2026-07-10T09:00:00.000Z',
  },
]

/**
 * Who was connected to whom, and since when: enough for the network figures to show the
 * community knitting together over the past year (average connections rising month by month).
 */
export const seedConnections: [from: string, to: string, acceptedAt: string][] = [
  ['Carolyn Johnston', 'Amara Okafor', '2025-10-01'],
  ['Amara Okafor', 'Rhys Llewellyn', '2025-11-15'],
  ['Rhys Llewellyn', 'Isla MacLeod', '2026-01-20'],
  ['Isla MacLeod', 'Carolyn Johnston', '2026-02-01'],
  ['Priya Shah', 'Tom Hargreaves', '2026-03-01'],
  ['Grace Adeyemi', 'Amara Okafor', '2026-03-10'],
  ['Grace Adeyemi', 'Marcus Ellery', '2026-07-20'],
  ['Daniel Byrne', 'Rhys Llewellyn', '2026-03-20'],
  ['Daniel Byrne', 'Oliver Bennett', '2026-05-15'],
  ['Fatima Rahman', 'Priya Shah', '2026-04-10'],
  ['Fatima Rahman', 'Grace Adeyemi', '2026-05-01'],
  ['Tom Hargreaves', 'Daniel Byrne', '2026-06-01'],
  ['Sophie Turner', 'Tom Hargreaves', '2026-07-01'],
  ['Marcus Ellery', 'Isla MacLeod', '2026-08-01'],
  ['Oliver Bennett', 'Carolyn Johnston', '2026-08-15'],
]

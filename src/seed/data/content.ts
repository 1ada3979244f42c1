import type { Blog, EvaluationReport, Event, Interview, LabTheme } from '@q-community/cms-client/types'

import { richText } from '../lexical'

/**
 * Demo content, written in our own words from the facts of a real community blog post about how
 * Q members learn. Relationships (author, interviewee, images) are filled in by the seed.
 */
type Seed<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'slug'> & { slug: string }

export const seedBlog: Seed<Blog> = {
  title: 'What are we learning, and how do we learn it together?',
  slug: 'what-are-we-learning-together',
  excerpt:
    'People join Q because they care about improvement and want to learn from one another. Four threads run through that learning: what works and what does not, who is improving across the UK, how to tackle problems jointly, and what a community like ours contributes.',
  topics: ['evaluation', 'co-design', 'leadership'],
  _status: 'published',
  publishedAt: '2026-11-02T09:00:00.000Z',
  content: richText(
    'Learning has been at the heart of Q from the start. Asked why they joined, members most often say two things: they are passionate about improvement, and they want to learn from other people who are.',
    'That raises a question worth asking out loud: what makes us share what we know, and what makes us take up what others share? Everyone will answer differently, but four threads keep coming up.',
    { heading: '1. Learning what fails as well as what works' },
    'Events, this website and social media already help members find each other, ask for help and pass on resources. We want insight to be easier to find and learning to feel continuous, even enjoyable. With the Democratic Society we are designing better ways to share stories, ideas and experience, and to make use of the collective intelligence of the community. Members will help shape this.',
    { heading: '2. Knowing who is improving across the UK' },
    'Thousands of new members will join this year. The directory is the place to start getting to know them, welcome events begin in March, and interviews introduce members and their work, such as a consultant anaesthetist whose story is told in our first interview.',
    'Social network analysis shows how improvers connect within and across regions and professions. Our first analysis, published in the Building Q learning report, found the average member went from 5 to 15 connections in six months. A survey from RAND Europe, our independent evaluators, will deepen that picture, with results shared in the spring.',
    { heading: '3. Tackling problems in a more joined-up way' },
    'The Q Improvement Lab has chosen its theme: empowering people to manage their own health and care needs. People from inside and outside Q will work on it together, and a separate formative evaluation will capture what the Lab learns.',
    { heading: '4. Understanding what a community contributes' },
    'RAND Europe has fed back insight since co-design began in 2015, to improve how Q is designed and delivered and to understand the difference it makes to members, their organisations and the wider sector. The report from the first phase has useful findings on collaborative design at scale, and we will share more findings here as they arrive.',
    'What do you want to learn from Q? Tell us in the comments.',
  ),
}

export const seedInterview: Seed<Interview> = {
  title: 'Making theatre safer, one conversation at a time: an interview with Carolyn Johnston',
  slug: 'interview-carolyn-johnston',
  intervieweeRole: 'Consultant anaesthetist',
  summary:
    'An anaesthetist on bringing surgical teams, patients and managers into the same improvement conversation, and what she has learned from other Q members.',
  _status: 'published',
  publishedAt: '2026-11-09T09:00:00.000Z',
  content: richText(
    { heading: 'How did you come to improvement?' },
    'Anaesthesia is a team sport. Most of the near misses I have seen started with a conversation that did not happen, so my first project was simply making the team brief before each list routine.',
    { heading: 'What has Q given you?' },
    'People to ring. When a project stalls I can find someone in the directory who has tried something similar in another nation of the UK and ask what they would do differently.',
    { heading: 'What would you tell a new member?' },
    'Come to a welcome event, say what you are stuck on, and share what went wrong as readily as what went right.',
  ),
}

export const seedEvents: Seed<Event>[] = [
  {
    title: 'Welcome to Q: London and the South East',
    slug: 'welcome-to-q-london-march-2027',
    summary: 'Meet new and established members, hear how the community works and find people working on what you care about.',
    startsAt: '2027-03-04T10:00:00.000Z',
    endsAt: '2027-03-04T15:30:00.000Z',
    timeZone: 'Europe/London',
    attendanceMode: 'in-person',
    location: 'Central London venue (details sent on registration)',
    capacity: 120,
    registrationUrl: 'https://q-community.example/events/welcome-london',
    status: 'scheduled',
    region: 'london',
    description: richText('A day of introductions, peer conversations and short talks from members about their improvement work.'),
  },
  {
    title: 'Welcome to Q: Scotland',
    slug: 'welcome-to-q-scotland-march-2027',
    summary: 'A welcome event for members joining in Scotland, with a session on using the directory.',
    startsAt: '2027-03-11T10:00:00.000Z',
    endsAt: '2027-03-11T15:00:00.000Z',
    timeZone: 'Europe/London',
    attendanceMode: 'mixed',
    location: 'Glasgow',
    onlineUrl: 'https://meet.q-community.example/welcome-scotland',
    capacity: 80,
    status: 'scheduled',
    region: 'scotland',
  },
  {
    title: 'Welcome to Q online: meet improvers across the UK',
    slug: 'welcome-to-q-online-march-2027',
    summary: 'A lunchtime online welcome for members who cannot travel.',
    startsAt: '2027-03-18T12:30:00.000Z',
    endsAt: '2027-03-18T13:30:00.000Z',
    timeZone: 'Europe/London',
    attendanceMode: 'online',
    onlineUrl: 'https://meet.q-community.example/welcome-online',
    status: 'scheduled',
  },
]

export const seedLabTheme: Seed<LabTheme> = {
  title: 'Empowering people to manage their own health and care needs',
  slug: 'empowering-people-to-manage-their-own-health-and-care-needs',
  year: 2027,
  status: 'open',
  summary:
    'This year the Q Improvement Lab brings together people from inside and outside Q, from many backgrounds, to work on how people can be supported to manage their own health and care.',
  content: richText(
    'The Lab uses innovative approaches to tackle a complex problem jointly rather than organisation by organisation.',
    'A separate formative evaluation will follow the Lab so that what it learns can be shared widely.',
  ),
}

export const seedEvaluationReport: Seed<EvaluationReport> = {
  title: 'Evaluating Q: findings from the first phase',
  slug: 'evaluating-q-phase-one',
  authorsOrganisation: 'RAND Europe',
  phase: 'Phase 1: co-design and launch',
  publishedDate: '2026-10-15T00:00:00.000Z',
  _status: 'published',
  summary:
    'RAND Europe has evaluated Q since co-design began in 2015. This first-phase report looks at how Q was designed with its members and what the early community looks like.',
  keyFindings: [
    { finding: 'Designing a community with a large number of future members is possible and builds early ownership.' },
    { finding: 'Members join mainly to learn from peers and because they are passionate about improvement.' },
    { finding: 'Connections between members grew quickly in the first six months, from about 5 to 15 per member.' },
  ],
}

/** A short conversation under the blog: two approved comments (one a reply) and one held for review. */
export const seedComments = [
  {
    key: 'amara',
    author: 'Amara Okafor',
    body: 'Learning from what did not work has been the most useful part for our district nursing team. Is there a way to share those stories without naming anyone?',
    status: 'approved' as const,
  },
  {
    key: 'rhys',
    author: 'Rhys Llewellyn',
    replyTo: 'amara',
    body: 'We run short anonymised "learning from failure" huddles in Wales. Happy to share the template with anyone who wants it.',
    status: 'approved' as const,
  },
  {
    key: 'grace',
    author: 'Grace Adeyemi',
    body: 'As a patient leader I would love to join the Lab on self-management. How do people outside Q take part?',
    status: 'pending' as const,
    reasons: [{ rule: 'first-comment', clause: '1' }],
  },
]

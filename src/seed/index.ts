import { randomBytes } from 'node:crypto'

import { SLUGS } from '@collections/slugs'
import { COMMENTS_SLUG } from '@q-community/comment-moderation'
import { SUBSCRIBERS_SLUG } from '@q-community/email-subscriptions'
import { newManageCredentials } from '@q-community/email-subscriptions/utilities'
import type { CollectionSlug, Payload, RequiredDataFromCollectionSlug, Where } from 'payload'

import { CONSENT_SOURCE_CONTEXT } from '../privacy/consent/consentChanges'
import { createProgress, type Progress } from '../progress'
import {
  seedBlog,
  seedComments,
  seedEvaluationReport,
  seedEvents,
  seedInterview,
  seedLabTheme,
} from './data/content'
import { seedConnections, seedMembers } from './data/members'
import { seedSubscribers } from './data/subscribers'
import { makeHeroImage, makeReportPdf } from './demoFiles'

/** Passed as `context` so hooks (notifications, emails) can tell seeded writes from editors' writes. */
export const SEED_CONTEXT = { seeding: true, [CONSENT_SOURCE_CONTEXT]: 'seed' } as const

export const DEMO_ADMIN_EMAIL = 'admin@example.org'

export type SeedResult = {
  created: number
  existing: number
  /** Set only when this run created the demo admin: the one time its password is known. */
  demoAdminPassword?: string
  adminEmail: string
}

type UploadFile = { data: Buffer; mimetype: string; name: string; size: number }

/** Finds a document by its natural key or creates it, counting either in `result` and on the bar. */
const ensurer =
  (payload: Payload, result: SeedResult, progress: Progress) =>
  async <TSlug extends CollectionSlug>(
    collection: TSlug,
    where: Where,
    data: RequiredDataFromCollectionSlug<TSlug>,
    label: string,
    file?: UploadFile,
  ) => {
    const found = await payload.find({
      collection,
      where,
      limit: 1,
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    if (found.docs[0]) {
      result.existing++
      progress.step(`${label}: exists`)
      return found.docs[0]
    }
    const doc = await payload.create({
      collection,
      data,
      file,
      overrideAccess: true,
      context: SEED_CONTEXT,
      depth: 0,
    })
    result.created++
    progress.step(`${label}: created`)
    return doc
  }

type Ensure = ReturnType<typeof ensurer>

/** The first staff admin (see `ensureAdmin`). */
const seedAdmin = async (payload: Payload, result: SeedResult, progress: Progress) => {
  const { admin, created } = await ensureAdmin(payload, result)
  if (created) result.created++
  else result.existing++
  progress.step(`staff admin ${result.adminEmail}: ${created ? 'created' : 'exists'}`)
  return admin
}

/** Members and their connections; the members' ids by name. */
const seedPeople = async (ensure: Ensure) => {
  const members = new Map<string, number | string>()
  for (const member of seedMembers) {
    const doc = await ensure(
      SLUGS.members,
      { email: { equals: member.email } },
      {
        ...member,
        networkAnalysis: member.networkAnalysis ?? true,
        password: randomBytes(18).toString('base64url'),
      },
      `member ${member.name}`,
    )
    members.set(member.name, doc.id)
  }

  for (const [from, to, acceptedAt] of seedConnections) {
    const fromId = members.get(from) as number
    const toId = members.get(to) as number
    await ensure(
      SLUGS.connections,
      {
        or: [
          { and: [{ from: { equals: fromId } }, { to: { equals: toId } }] },
          { and: [{ from: { equals: toId } }, { to: { equals: fromId } }] },
        ],
      },
      {
        from: fromId,
        to: toId,
        status: 'accepted',
        source: 'import',
        requestedAt: `${acceptedAt}T09:00:00.000Z`,
        acceptedAt: `${acceptedAt}T09:00:00.000Z`,
      },
      `connection ${from} – ${to}`,
    )
  }
  return members
}

/** The hero image and the evaluation report's PDF. */
const seedMedia = async (ensure: Ensure) => {
  const hero = await makeHeroImage()
  const heroImage = await ensure(
    SLUGS.media,
    { filename: { equals: 'q-learning-hero.png' } },
    { alt: 'Overlapping coloured circles: a network of improvers across the UK' },
    'image q-learning-hero.png',
    { data: hero, mimetype: 'image/png', name: 'q-learning-hero.png', size: hero.length },
  )
  const pdf = makeReportPdf(seedEvaluationReport.title)
  const reportFile = await ensure(
    SLUGS.media,
    { filename: { equals: 'evaluating-q-phase-one.pdf' } },
    { alt: `${seedEvaluationReport.title} (PDF)` },
    'file evaluating-q-phase-one.pdf',
    {
      data: pdf,
      mimetype: 'application/pdf',
      name: 'evaluating-q-phase-one.pdf',
      size: pdf.length,
    },
  )
  return { heroImage, reportFile }
}

/** The blog post, the interview and the events; the blog post, which the comments are on. */
const seedContent = async (
  ensure: Ensure,
  adminId: number,
  heroImageId: number,
  members: Map<string, number | string>,
) => {
  const blog = await ensure(
    SLUGS.blogs,
    { slug: { equals: seedBlog.slug } },
    { ...seedBlog, heroImage: heroImageId, author: { relationTo: SLUGS.users, value: adminId } },
    `blog ${seedBlog.slug}`,
  )
  await ensure(
    SLUGS.interviews,
    { slug: { equals: seedInterview.slug } },
    { ...seedInterview, interviewee: members.get('Carolyn Johnston') as number },
    `interview ${seedInterview.slug}`,
  )
  for (const event of seedEvents) {
    await ensure(SLUGS.events, { slug: { equals: event.slug } }, event, `event ${event.slug}`)
  }
  return blog
}

/** The lab theme and the evaluation report. */
const seedLabThemesAndReports = async (ensure: Ensure, reportFileId: number) => {
  await ensure(
    SLUGS.labThemes,
    { slug: { equals: seedLabTheme.slug } },
    seedLabTheme,
    `lab theme ${seedLabTheme.year}`,
  )
  await ensure(
    SLUGS.evaluationReports,
    { slug: { equals: seedEvaluationReport.slug } },
    { ...seedEvaluationReport, reportFile: reportFileId },
    `evaluation report ${seedEvaluationReport.slug}`,
  )
}

/** The comments (and replies) on the blog post. */
const seedDiscussion = async (
  ensure: Ensure,
  blogId: number,
  members: Map<string, number | string>,
) => {
  const comments = new Map<string, number>()
  for (const comment of seedComments) {
    const doc = await ensure(
      COMMENTS_SLUG,
      { body: { equals: comment.body } },
      {
        target: { relationTo: SLUGS.blogs, value: blogId },
        parent: 'replyTo' in comment && comment.replyTo ? comments.get(comment.replyTo) : undefined,
        body: comment.body,
        author: members.get(comment.author) as number,
        status: comment.status,
        needsReview: comment.status === 'pending',
        reasons: 'reasons' in comment ? comment.reasons : [],
        policyVersion: '1',
        depth: 'replyTo' in comment && comment.replyTo ? 2 : 1,
      },
      `comment by ${comment.author}`,
    )
    comments.set(comment.key, doc.id as number)
  }
}

/** Subscribers in every status. */
const seedMailingList = async (ensure: Ensure, payload: Payload) => {
  for (const subscriber of seedSubscribers) {
    const at = new Date(Date.now() - subscriber.daysAgo * 86_400_000).toISOString()
    const { manageKey, manageTokenHash } = newManageCredentials(payload.secret)
    await ensure(
      SUBSCRIBERS_SLUG,
      { email: { equals: subscriber.email } },
      {
        email: subscriber.email,
        topics: subscriber.topics,
        frequency: subscriber.frequency,
        status: subscriber.status,
        manageKey,
        manageTokenHash,
        confirmedAt: subscriber.status === 'pending' ? undefined : at,
        unsubscribedAt:
          subscriber.status === 'unsubscribed'
            ? new Date(Date.now() - 20 * 86_400_000).toISOString()
            : undefined,
        bounceCount: subscriber.status === 'suppressed' ? 3 : 0,
        consent: { at, source: 'seed', wordingVersion: '2026-11' },
      },
      `subscriber ${subscriber.email}`,
    )
  }
}

/**
 * Loads the demo content. Idempotent: every document is looked up by its natural key (email, slug,
 * filename) first, so a second run creates nothing.
 */
export const seed = async (
  payload: Payload,
  log: (line: string) => void = console.log,
): Promise<SeedResult> => {
  const steps =
    1 +
    seedMembers.length +
    seedConnections.length +
    2 +
    2 +
    seedEvents.length +
    2 +
    seedComments.length +
    seedSubscribers.length
  const progress = createProgress('seed', steps, log)
  const result: SeedResult = { created: 0, existing: 0, adminEmail: '' }
  const ensure = ensurer(payload, result, progress)
  try {
    const admin = await seedAdmin(payload, result, progress)
    const members = await seedPeople(ensure)
    const { heroImage, reportFile } = await seedMedia(ensure)
    const blog = await seedContent(ensure, admin.id as number, heroImage.id as number, members)
    await seedLabThemesAndReports(ensure, reportFile.id as number)
    await seedDiscussion(ensure, blog.id as number, members)
    await seedMailingList(ensure, payload)
  } finally {
    progress.done()
  }
  return result
}

/**
 * The first staff admin: from ADMIN_EMAIL / ADMIN_PASSWORD when set, otherwise a demo admin whose
 * random password is returned once (it is stored hashed and cannot be shown again).
 */
const ensureAdmin = async (payload: Payload, result: SeedResult) => {
  const email = process.env.ADMIN_EMAIL?.trim().toLowerCase()
  const password = process.env.ADMIN_PASSWORD
  if (email && !password) throw new Error('ADMIN_EMAIL is set but ADMIN_PASSWORD is not.')

  if (email && password) {
    result.adminEmail = email
    const existing = await payload.find({
      collection: SLUGS.users,
      where: { email: { equals: email } },
      limit: 1,
      overrideAccess: true,
    })
    if (existing.docs[0]) return { admin: existing.docs[0], created: false }
    const admin = await payload.create({
      collection: SLUGS.users,
      data: { email, password, name: 'Q Admin', roles: ['admin'] },
      overrideAccess: true,
      context: SEED_CONTEXT,
    })
    return { admin, created: true }
  }

  const admins = await payload.find({
    collection: SLUGS.users,
    where: { roles: { contains: 'admin' } },
    limit: 1,
    sort: 'createdAt',
    overrideAccess: true,
  })
  if (admins.docs[0]) {
    result.adminEmail = admins.docs[0].email
    return { admin: admins.docs[0], created: false }
  }
  const demoPassword = randomBytes(12).toString('base64url')
  result.adminEmail = DEMO_ADMIN_EMAIL
  result.demoAdminPassword = demoPassword
  const admin = await payload.create({
    collection: SLUGS.users,
    data: {
      email: DEMO_ADMIN_EMAIL,
      password: demoPassword,
      name: 'Q Community team',
      roles: ['admin'],
    },
    overrideAccess: true,
    context: SEED_CONTEXT,
  })
  return { admin, created: true }
}

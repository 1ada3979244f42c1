/** Comment statuses, and the named sets the rules and access checks use. */
export const COMMENT_STATUS = {
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  spam: 'spam',
} as const
export type CommentStatus = (typeof COMMENT_STATUS)[keyof typeof COMMENT_STATUS]
export const COMMENT_STATUSES: readonly CommentStatus[] = [
  'pending',
  'approved',
  'rejected',
  'spam',
]

/** Statuses the public may read. */
export const PUBLIC_STATUSES: readonly CommentStatus[] = ['approved']

/** When several rules match, the most severe status wins. */
export const STATUS_SEVERITY: Record<CommentStatus, number> = {
  approved: 0,
  pending: 1,
  rejected: 2,
  spam: 3,
}

/** Built-in rule names: what a decision cites, what moderators filter by. */
export const RULE = {
  blockedTerm: 'blocked-term',
  patientData: 'patient-data',
  chiNumber: 'chi-number',
  hcNumber: 'hc-number',
  tooManyLinks: 'too-many-links',
  heldTerm: 'held-term',
  firstComment: 'first-comment',
  notYetTrusted: 'not-yet-trusted',
  reported: 'reported',
  moderator: 'moderator',
  safeguarding: 'safeguarding',
} as const
export type BuiltInRuleName = (typeof RULE)[keyof typeof RULE]

/** What an erased member's comments keep: the text (`keep`) or a notice in its place (`remove`). */
export const ERASED_COMMENT_BODY_OPTIONS = ['remove', 'keep'] as const
export type ErasedCommentBody = (typeof ERASED_COMMENT_BODY_OPTIONS)[number]
/** The body of an erased member's comment under `remove` (a body is required, so never empty). */
export const REMOVED_COMMENT_BODY = '[removed at the request of its author]'

export const COMMENTS_SLUG = 'comments'
/** The import-map path of the plugin's admin components (exports/admin.ts). */
export const ADMIN_COMPONENTS = '@q-community/comment-moderation/admin'
export const DECISIONS_SLUG = 'comment-decisions'
export const POLICY_SLUG = 'comment-policy'

/** Who or what made a decision in the moderation log. */
export const DECISION_SOURCES = ['rules', 'moderator', 'reports', 'appeal'] as const
export type DecisionSource = (typeof DECISION_SOURCES)[number]

/** The plugin's jobs tasks. */
export const TASK = {
  moderatorDigest: 'commentModeratorDigest',
  purgeClientData: 'commentPurgeClientData',
} as const

/** The host's own queue: the CMS (and any host with `jobs.autoRun` on `default`) works it. */
export const JOBS_QUEUE = 'default'

/** The one `req.context` key this plugin keeps its per-request state under (see context.ts). */
export const CONTEXT_KEY = 'commentModeration'

export const MESSAGES = {
  policyNotAccepted: 'Accept the comments policy (policyAccepted: true) before posting.',
  policyVersionStale:
    'The comments policy has changed: read the current version and accept it again.',
  guestsNotAllowed: 'Log in to comment: guest comments are switched off.',
  guestFieldsRequired: 'Guests must give a name (authorName) and an email address (authorEmail).',
  closed: 'Comments are closed on this page.',
  banned: 'You cannot comment at the moment',
  flood: 'You are commenting too quickly. Please wait a few seconds and try again.',
  unknownTarget: 'target must be a published document in a collection that takes comments.',
  parentInvalid: 'parent must be an approved comment on the same page.',
  parentTooDeep: 'Replies cannot be nested any deeper.',
  alreadyReported: 'You have already reported this comment.',
  reasonRequired: 'Give a reason or cite a policy clause for this decision.',
} as const

/** The policy global's field holding a rule's clause: the rule's name in camelCase (`too-many-links` → `tooManyLinks`). */
export const ruleClauseField = (rule: string) =>
  rule.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())

/** The clause each built-in rule cites unless the policy says otherwise. */
export const DEFAULT_RULE_CLAUSES: Record<string, string> = {
  [RULE.firstComment]: '1',
  [RULE.blockedTerm]: '2',
  [RULE.heldTerm]: '3',
  [RULE.tooManyLinks]: '4',
  [RULE.patientData]: '5',
  [RULE.chiNumber]: '5',
  [RULE.hcNumber]: '5',
  [RULE.reported]: '2',
  [RULE.safeguarding]: '6',
}

/**
 * An appeal of a rejected comment: `pending` until a moderator other than the one who rejected it
 * decides; approving the comment overturns the rejection, rejecting it (or spam) upholds it.
 */
export const APPEAL_STATUS = {
  pending: 'pending',
  upheld: 'upheld',
  overturned: 'overturned',
} as const
export type AppealStatus = (typeof APPEAL_STATUS)[keyof typeof APPEAL_STATUS]
export const APPEAL_STATUSES: readonly AppealStatus[] = ['pending', 'upheld', 'overturned']
/** An appeal reason's length: long enough to say why, short enough to read in the queue. */
export const APPEAL_REASON_LENGTH = { min: 10, max: 2000 } as const
/** Days after the rejection within which its author may appeal, unless the policy says otherwise. */
export const DEFAULT_APPEAL_WINDOW_DAYS = 14
/** The decision log's reason for a filed appeal: the author's own text stays on the comment (private). */
export const APPEAL_FILED_REASON = 'The author appealed the rejection'

export const APPEAL_MESSAGES = {
  membersOnly: 'Log in as a member to appeal: only the member who wrote a comment may appeal it.',
  notFound: 'You have no comment with that id.',
  alreadyAppealed: 'You have already appealed this decision: a comment may be appealed once.',
  notRejected: 'Only a rejected comment can be appealed.',
  windowClosed: (days: number) =>
    `Appeals must be made within ${days} days of the decision, and that time has passed.`,
  reasonLength: `Say why the decision should change (reason, ${APPEAL_REASON_LENGTH.min} to ${APPEAL_REASON_LENGTH.max} characters).`,
  filed: 'Thank you. A different moderator will look at your comment again.',
  sameModerator:
    'A different moderator must decide this appeal: you made the decision that is being appealed.',
  overturnedByOther:
    'An appeal overturned your rejection of this comment: a different moderator must decide to remove it again.',
} as const

/** The transparency report's page in the admin (under `routes.admin`). */
export const TRANSPARENCY_ADMIN_PATH = '/comments-transparency'

/**
 * What became of a report once a moderator decided the comment: `upheld` (rejected or spam) or
 * `not-upheld` (approved). A reporter's record of outcomes weighs their next reports.
 */
export const REPORT_OUTCOME = { upheld: 'upheld', notUpheld: 'not-upheld' } as const
export type ReportOutcome = (typeof REPORT_OUTCOME)[keyof typeof REPORT_OUTCOME]
export const REPORT_OUTCOMES: readonly ReportOutcome[] = ['upheld', 'not-upheld']

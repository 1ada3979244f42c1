import {
  APPEAL_REASON_LENGTH,
  APPEAL_STATUS,
  type AppealStatus,
  COMMENT_STATUS,
  type CommentStatus,
} from '../constants'

/** What the appeal rules need to know about a comment (pure: no I/O). */
export type AppealableComment = {
  status: CommentStatus
  /** The id of the member who wrote it, or null for a guest's comment. */
  authorId: string | null
  /** When the rejection was decided (a moderator's decision, else the comment's creation). */
  rejectedAt: string | Date
  /** When an appeal was filed, if one was. */
  appealedAt?: string | Date | null
}

/** Why an appeal is refused, in the order checked: a refusal never reveals another's comment. */
export type AppealRefusal = 'not-found' | 'already-appealed' | 'not-rejected' | 'window-closed'

const DAY_MS = 86_400_000

/** Whether `now` is within `windowDays` of the rejection (the last day included). */
export const withinAppealWindow = (
  rejectedAt: string | Date,
  now: Date,
  windowDays: number,
): boolean => now.getTime() - new Date(rejectedAt).getTime() <= windowDays * DAY_MS

/**
 * Whether the member may appeal this comment now: null when they may, else why not. Someone else's
 * comment (or a guest's) is `not-found`, so no one learns which comments exist.
 */
export const appealRefusal = (
  comment: AppealableComment | null,
  memberId: string,
  now: Date,
  windowDays: number,
): AppealRefusal | null => {
  if (!comment || comment.authorId === null || comment.authorId !== memberId) return 'not-found'
  if (comment.appealedAt) return 'already-appealed'
  if (comment.status !== COMMENT_STATUS.rejected) return 'not-rejected'
  if (!withinAppealWindow(comment.rejectedAt, now, windowDays)) return 'window-closed'
  return null
}

/** The appeal's reason trimmed, or null when it is missing or not 10 to 2000 characters. */
export const appealReason = (value: unknown): string | null => {
  if (typeof value !== 'string') return null
  const reason = value.trim()
  return reason.length >= APPEAL_REASON_LENGTH.min && reason.length <= APPEAL_REASON_LENGTH.max
    ? reason
    : null
}

/** A moderator's new status on an appealed comment decides the appeal: approved overturns it. */
export const appealOutcome = (to: CommentStatus): AppealStatus | null => {
  if (to === COMMENT_STATUS.approved) return APPEAL_STATUS.overturned
  if (to === COMMENT_STATUS.rejected || to === COMMENT_STATUS.spam) return APPEAL_STATUS.upheld
  return null
}

/** Whether this moderator may decide the appeal: not the one who made the decision appealed. */
export const mayDecideAppeal = (moderatorId: string | null, rejectedBy: string | null): boolean =>
  rejectedBy === null || moderatorId !== rejectedBy

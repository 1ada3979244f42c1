/**
 * A member's commenting state, after Ghost's: banning needs a reason and may end on a date.
 * Stored as the `commenting` group on the author collection.
 */
export type CommentingStateData = {
  banned?: boolean | null
  bannedUntil?: string | null
  banReason?: string | null
}

export class CommentingState {
  private constructor(
    readonly banned: boolean,
    readonly bannedUntil: Date | null,
    readonly banReason: string | null,
  ) {}

  static from(data: CommentingStateData | null | undefined): CommentingState {
    return new CommentingState(
      Boolean(data?.banned),
      data?.bannedUntil ? new Date(data.bannedUntil) : null,
      data?.banReason ?? null,
    )
  }

  /** Validates a new ban: a reason is required, an end date must be in the future. */
  static ban(
    reason: unknown,
    until: unknown,
    now = new Date(),
  ): CommentingState | { error: string; field: 'reason' | 'until' } {
    if (typeof reason !== 'string' || reason.trim() === '')
      return { error: 'A ban needs a reason.', field: 'reason' }
    if (until === undefined || until === null || until === '')
      return new CommentingState(true, null, reason.trim())
    const end = typeof until === 'string' ? new Date(until) : null
    if (!end || Number.isNaN(end.getTime()))
      return { error: 'until must be a date (ISO 8601).', field: 'until' }
    if (end <= now) return { error: 'until must be in the future.', field: 'until' }
    return new CommentingState(true, end, reason.trim())
  }

  canComment(now = new Date()): boolean {
    return !this.banned || (this.bannedUntil !== null && this.bannedUntil <= now)
  }

  toData(): CommentingStateData {
    return {
      banned: this.banned,
      bannedUntil: this.bannedUntil?.toISOString() ?? null,
      banReason: this.banReason,
    }
  }
}

/**
 * Starts the slowest test files first, so that on CI's two workers no long file starts last and
 * leaves one worker idle while the other finishes it.
 *
 * Jest orders by the durations of the previous run when its cache has them, and by file size when
 * it has none; CI runs in a fresh clone, whose cache has none, and file size says little here (a
 * small browser test that waits on a server can outlast a large spec of pure checks). So a file
 * with no recorded duration is placed by the seconds below (the slower of the SQLite and the
 * PostgreSQL run on CI, ~2 cores); files in neither stay in Jest's own order, after these.
 * Update the table when a file becomes one of the slow ones; a stale entry only changes the order.
 */
import Sequencer from '@jest/test-sequencer'

/** Seconds per file, relative to the repository root. */
export const KNOWN_SECONDS = {
  'test/email-subscriptions/delivery.int.spec.ts': 49,
  'test/privacy/canaryLeak.int.spec.ts': 44,
  'test/browser/adminPublish.int.spec.ts': 40,
  'test/cluster/twoInstances.int.spec.ts': 36,
  'test/fuzz/publicEndpoints.int.spec.ts': 34,
  'test/load/crash.int.spec.ts': 31,
  'test/network/import.int.spec.ts': 30,
  'test/comment-moderation/comments.int.spec.ts': 23,
  'test/browser/subscribersAdmin.int.spec.ts': 20,
  'test/seed/seedCommand.int.spec.ts': 19,
  'test/load/mixedLoad.int.spec.ts': 19,
  'test/access/accessMatrix.int.spec.ts': 19,
  'test/email-subscriptions/subscribe.int.spec.ts': 18,
  'test/email-subscriptions/hardening.int.spec.ts': 18,
  'test/cache/invalidation.int.spec.ts': 18,
  'test/browser/networkDashboard.int.spec.ts': 16,
  'test/browser/transparencyPage.int.spec.ts': 10,
  'test/accounts/accounts.int.spec.ts': 16,
  'test/http/api.int.spec.ts': 15,
  'test/frontends/search.int.spec.ts': 15,
  'test/browser/moderationQueue.int.spec.ts': 14,
  'test/webhooks/webhooks.int.spec.ts': 13,
  'test/email-subscriptions/publication.int.spec.ts': 13,
  'test/content/hooks.int.spec.ts': 13,
  'test/browser/webhookTestEvent.int.spec.ts': 13,
  'test/browser/apiDocs.int.spec.ts': 13,
  'test/privacy/dataRights.int.spec.ts': 15,
  'test/browser/privacyPage.int.spec.ts': 15,
  'test/privacy/networkExports.int.spec.ts': 10,
}

const BaseSequencer = Sequencer.default ?? Sequencer

export default class SlowFirstSequencer extends BaseSequencer {
  /** @param {import('@jest/test-result').Test[]} tests */
  sort(tests) {
    // Jest's order first (failed first, then recorded durations, then size); it sets `duration`.
    const ordered = super.sort(tests)
    /** @param {import('@jest/test-result').Test} test */
    const estimate = (test) => {
      if (test.duration != null) return test.duration / 1000
      const relative = test.path.slice(test.context.config.rootDir.length + 1).replaceAll('\\', '/')
      return KNOWN_SECONDS[relative] ?? -1
    }
    const failed = new Set(ordered.filter((test) => this.hasFailed(test)))
    // Array.prototype.sort is stable: equal estimates (the unknown ones) keep Jest's order.
    return [...ordered].sort(
      (a, b) =>
        Number(failed.has(b)) - Number(failed.has(a)) || Number(estimate(b)) - Number(estimate(a)),
    )
  }
}

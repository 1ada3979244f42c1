import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import { buildCommentDecisions } from './collections/commentDecisions'
import { buildCommentPolicyGlobal } from './collections/commentPolicy'
import { buildComments } from './collections/comments'
import { commentingField, commentsEnabledField } from './collections/hostFields'
import { ADMIN_COMPONENTS, COMMENTS_SLUG, TRANSPARENCY_ADMIN_PATH } from './constants'
import { sanitizeOptions } from './defaults'
import { appealEndpoint } from './endpoints/appeal'
import { banEndpoints } from './endpoints/ban'
import { reportEndpoint } from './endpoints/report'
import { statsEndpoint } from './endpoints/stats'
import { threadEndpoint } from './endpoints/thread'
import { transparencyEndpoint } from './endpoints/transparency'
import { captureRawInput } from './hooks/captureRawInput'
import { decideAppeal } from './hooks/decideAppeal'
import { logDecision } from './hooks/logDecision'
import { prepareNewComment } from './hooks/prepareNewComment'
import { recordModeratorDecision } from './hooks/recordModeratorDecision'
import { moderatorDigestTask } from './tasks/moderatorDigest'
import { purgeClientDataTask } from './tasks/purgeClientData'
import type { Options, SanitizedOptions } from './types'
import { commentAccess } from './utilities/access'
import { prependHooks } from './utilities/prependHooks'

export {
  COMMENT_STATUS,
  COMMENT_STATUSES,
  COMMENTS_SLUG,
  DECISIONS_SLUG,
  POLICY_SLUG,
  PUBLIC_STATUSES,
  RULE,
  TASK,
} from './constants'
export { decide, orderRules } from './rules/decide'
export {
  ALL_PATIENT_DATA_GUARDS,
  findPatientIdentifiers,
  PATIENT_DATA_LABELS,
  type PatientDataFinding,
  type PatientDataSwitches,
} from './rules/patientData'
export type {
  CollectionOverrides,
  Options as CommentModerationOptions,
  CommentRule,
  Decision,
  DecisionEvent,
} from './types'
export {
  eraseMemberComments,
  type MemberCommentData,
  type MemberCommentErasure,
  memberDataExport,
} from './utilities/memberData'
export {
  findPatientIdentifiersUnderPolicy,
  loadPatientDataSwitches,
} from './utilities/patientDataSwitches'

const withField = (collection: CollectionConfig, field: Field): CollectionConfig => ({
  ...collection,
  fields: [...collection.fields, field],
})

/**
 * Comment-policy moderation for any Payload 3 config: a `comments` collection on the given
 * collections, the `comment-policy` global, a decision log, moderation endpoints and emails.
 */
export const commentModeration =
  (pluginOptions: Options): Plugin =>
  (incoming: Config): Config => {
    const options = sanitizeOptions(pluginOptions)

    // The schema first, the same whether disabled or not, so migrations never change.
    const { moderatorField } = commentAccess(options)
    const hostCollections = (incoming.collections ?? []).map((collection) => {
      if (options.collections.includes(collection.slug))
        return withField(collection, commentsEnabledField)
      if (collection.slug === options.authorCollection)
        return withField(collection, commentingField(moderatorField))
      return collection
    })
    const schema: Config = {
      ...incoming,
      collections: [...hostCollections, buildComments(options), buildCommentDecisions(options)],
      globals: [...(incoming.globals ?? []), buildCommentPolicyGlobal(options)],
    }

    // The endpoints and tasks stay when disabled, as they always have: the thread and stats still
    // answer, and moderators can still ban and read reports while the rules are switched off.
    const config: Config = {
      ...withTransparencyView(schema),
      collections: schema.collections?.map((collection) =>
        collection.slug === COMMENTS_SLUG ? withEndpoints(collection, options) : collection,
      ),
      jobs: {
        ...schema.jobs,
        tasks: [
          ...(schema.jobs?.tasks ?? []),
          moderatorDigestTask(options),
          purgeClientDataTask(options),
        ],
      },
    }
    if (options.disabled) return config

    return {
      ...config,
      collections: config.collections?.map((collection) =>
        collection.slug === COMMENTS_SLUG ? withModerationHooks(collection, options) : collection,
      ),
    }
  }

/** The transparency report's admin page and its link in the navigation (moderators). */
const withTransparencyView = (config: Config): Config => ({
  ...config,
  admin: {
    ...config.admin,
    components: {
      ...config.admin?.components,
      afterNavLinks: [
        ...(config.admin?.components?.afterNavLinks ?? []),
        `${ADMIN_COMPONENTS}#TransparencyNavLink`,
      ],
      views: {
        ...config.admin?.components?.views,
        commentsTransparency: {
          Component: `${ADMIN_COMPONENTS}#TransparencyView`,
          path: TRANSPARENCY_ADMIN_PATH,
        },
      },
    },
  },
})

/** The endpoints under `/api/comments`, before any the host's overrides gave the collection. */
const withEndpoints = (
  comments: CollectionConfig,
  options: SanitizedOptions,
): CollectionConfig => ({
  ...comments,
  endpoints: [
    threadEndpoint(options),
    statsEndpoint(options),
    reportEndpoint(options),
    ...banEndpoints(options),
    appealEndpoint(options),
    transparencyEndpoint(options),
    ...(Array.isArray(comments.endpoints) ? comments.endpoints : []),
  ],
})

/** The moderation hooks, before the host's: the rules' decision, moderator decisions, the decision log. */
const withModerationHooks = (
  comments: CollectionConfig,
  options: SanitizedOptions,
): CollectionConfig =>
  prependHooks(comments, {
    beforeOperation: [captureRawInput],
    beforeValidate: [prepareNewComment(options)],
    beforeChange: [recordModeratorDecision, decideAppeal(options)],
    afterChange: [logDecision(options)],
  })

import type { CollectionConfig } from 'payload'

import { withPatientDataWarning } from '@/fields/patientDataWarning'

import { Blogs } from './Blogs'
import { Connections } from './Connections'
import { ConsentRecords } from './ConsentRecords'
import { ErasureRequests } from './ErasureRequests'
import { EvaluationReports } from './EvaluationReports'
import { Events } from './Events'
import { Interviews } from './Interviews'
import { LabThemes } from './LabThemes'
import { Media } from './Media'
import { trackMediaUse } from './Media/trackMediaUse'
import { Members } from './Members'
import { NetworkExportFiles } from './NetworkExportFiles'
import { NetworkExports } from './NetworkExports'
import { PrivacyLog } from './PrivacyLog'
import { RetentionRuns } from './RetentionRuns'
import { Users } from './Users'
import { WebhookDeliveries } from './WebhookDeliveries'
import { Webhooks } from './Webhooks'

export { SLUGS } from './slugs'

// Every collection that can reference media keeps `media.usedByPublished` current (see Media/mediaUse).
// Drafted content warns staff of patient identifiers before publishing (see fields/patientDataWarning).
export const collections: CollectionConfig[] = [
  ...[Blogs, Interviews, Events, LabThemes, EvaluationReports].map(withPatientDataWarning),
  Media,
  Members,
  Connections,
  Users,
  Webhooks,
  WebhookDeliveries,
  ConsentRecords,
  RetentionRuns,
  ErasureRequests,
  PrivacyLog,
  NetworkExports,
  NetworkExportFiles,
].map(trackMediaUse)

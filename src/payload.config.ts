import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { collections } from '@collections/index'
import { SLUGS } from '@collections/slugs'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { plugins } from '@/plugins'

import { serverOwnedTimestamps } from './access/serverTimestamps'
import { restrictSystemCollections } from './access/systemCollections'
import { readCacheEndpoints } from './cache/endpoints'
import { invalidateReadCacheOnWrites } from './cache/invalidateOnWrites'
import { graphQLValidationRules } from './config/graphQLLimits'
import { settings } from './config/settings'
import { runWorkAfterCommits } from './db/afterCommit'
import {
  databaseAdapterFromURL,
  SQLITE_BUSY_TIMEOUT_MS,
  SQLITE_MMAP_BYTES,
} from './db/databaseAdapter'
import { keepSqliteBusyTimeout } from './db/keepSqliteBusyTimeout'
import { emailAdapterFromEnv, smtpTransport } from './email/emailAdapter'
import { syndicationEndpoints } from './frontends/endpoints'
import { openAPIEndpoints } from './frontends/openapi/endpoints'
import { searchPlugin } from './frontends/search/plugin'
import { limitReadsPlugin } from './hooks/limitReads'
import { logger, loggingLevels, logRefusalsAtInfo } from './http/errorLogging'
import { jobsConfig } from './jobs'
import { clusterSafeJobs } from './jobs/clusterSafeJobs'
import { networkEndpoints } from './network/endpoints'
import { networkExportsPlugin } from './privacy/exports'
import { PrivacySettings } from './privacy/PrivacySettings'
import { recordCommentClientDataRuns } from './privacy/retention/tasks'
import { webhooksPlugin } from './webhooks'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Payload's own collections and timestamp fields are added while the config is sanitised: their
// access is set after.
export default buildConfig({
  serverURL: settings.serverURL,
  secret: settings.payloadSecret,
  admin: {
    user: SLUGS.users,
    avatar: 'default',
    importMap: { baseDir: dirname },
    components: {
      afterNavLinks: ['/privacy/admin/PrivacyNavLink#PrivacyNavLink'],
      views: {
        privacy: { Component: '/privacy/admin/PrivacyView#PrivacyView', path: '/privacy' },
      },
      beforeDashboard: [
        '/components/ReadCacheStatus#ReadCacheStatus',
        '/network/admin/NetworkDashboard#NetworkDashboard',
      ],
    },
    meta: { titleSuffix: ' · Q Community CMS' },
  },
  collections,
  globals: [PrivacySettings],
  db: databaseAdapterFromURL(settings.databaseURL),
  editor: lexicalEditor(),
  endpoints: [
    ...networkEndpoints,
    ...readCacheEndpoints,
    ...syndicationEndpoints,
    ...openAPIEndpoints,
  ],
  email: emailAdapterFromEnv(smtpTransport),
  graphQL: {
    maxComplexity: settings.graphQLMaxComplexity,
    validationRules: graphQLValidationRules,
    disablePlaygroundInProduction: true,
  },
  cors: [settings.serverURL, ...settings.corsOrigins],
  csrf: [settings.serverURL, ...settings.corsOrigins],
  hooks: { afterError: [logRefusalsAtInfo] },
  jobs: jobsConfig,
  logger,
  loggingLevels,
  // Last, so the read limits reach the plugins' collections too.
  plugins: [
    ...plugins,
    webhooksPlugin(),
    networkExportsPlugin(),
    searchPlugin(),
    limitReadsPlugin(),
    recordCommentClientDataRuns,
  ],
  onInit: async (payload) => {
    invalidateReadCacheOnWrites(payload)
    runWorkAfterCommits(payload)
    await keepSqliteBusyTimeout(payload, SQLITE_BUSY_TIMEOUT_MS, SQLITE_MMAP_BYTES)
    clusterSafeJobs(payload)
  },
  sharp,
  telemetry: false,
  typescript: {
    // The frontends' typed client package (client/) exports the generated types.
    outputFile: path.resolve(dirname, '../client/payload-types.ts'),
    // Generating types on every dev start spawns a child process that keeps jest alive.
    autoGenerate: false,
  },
  upload: {
    limits: { fileSize: settings.uploadMaxBytes },
  },
})
  .then(restrictSystemCollections)
  .then(serverOwnedTimestamps)

import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The express host (src/server.ts) adds its own security headers.
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (`tsc --build`): it builds each plugin's declarations
  // first (tsconfig project references), which Next's own check does not do.
  typescript: { ignoreBuildErrors: true },
  // The express host initialises Payload before Next and Next's routes reuse that instance, so
  // both must load these packages from node_modules: a second, bundled copy would have its own
  // error classes (ValidationError would lose its field paths) and its own module state.
  serverExternalPackages: [
    'payload',
    '@payloadcms/db-mongodb',
    '@payloadcms/db-postgres',
    '@payloadcms/db-sqlite',
    '@payloadcms/drizzle',
    '@payloadcms/email-nodemailer',
    '@payloadcms/graphql',
    // Used by the subscriptions plugin next to the adapters: one copy each.
    'drizzle-orm',
    'nodemailer',
    'croner',
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })

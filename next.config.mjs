import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The express host (src/server.ts) adds its own security headers.
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })

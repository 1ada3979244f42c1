import { createHash } from 'node:crypto'

export const sha256 = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex')

export type ManifestInput = {
  exportId: string
  createdAt: string
  purpose: string
  period: { from: string | null; to: string | null }
  k: number
  rows: Record<string, number>
  suppression: Record<string, number>
  files: Record<string, string | Uint8Array>
}

/** manifest.json: what the export is, and the SHA-256 of every other file in the archive. */
export const buildManifest = ({ files, ...rest }: ManifestInput) => ({
  ...rest,
  pseudonyms: 'HMAC-SHA256 under a random key generated for this export only',
  sha256: Object.fromEntries(
    Object.entries(files)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, content]) => [name, sha256(content)]),
  ),
})

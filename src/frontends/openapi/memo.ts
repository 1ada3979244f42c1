import { createHash } from 'node:crypto'

import type { Payload, SanitizedConfig } from 'payload'

import { buildOpenAPIDocument, type OpenAPIDocument } from './document'

type Built = { document: OpenAPIDocument; json: string; milliseconds: number }

/** One document per config object: it changes only with the config, i.e. with a new process. */
const built = new WeakMap<SanitizedConfig, Built>()

/** The document of the running Payload, built on first use. */
export const openAPIDocumentOf = (payload: Pick<Payload, 'config' | 'db'>): Built => {
  const kept = built.get(payload.config)
  if (kept) return kept
  const started = performance.now()
  const document = buildOpenAPIDocument(payload.config, {
    defaultIDType: payload.db.defaultIDType === 'number' ? 'number' : 'text',
    version: '0',
  })
  // The version names the contract: it changes whenever the document does.
  document.info.version = createHash('sha256')
    .update(JSON.stringify({ paths: document.paths, components: document.components }))
    .digest('hex')
    .slice(0, 12)
  const result = {
    document,
    json: JSON.stringify(document),
    milliseconds: performance.now() - started,
  }
  built.set(payload.config, result)
  return result
}

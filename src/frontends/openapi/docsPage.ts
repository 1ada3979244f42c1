import { readFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The reference page: Swagger UI from the `swagger-ui-dist` package, served by our own endpoint
 * (no CDN, nothing fetched from another origin), started by a script of ours (the page's policy
 * allows no inline script).
 */
export const docsPageHTML = (api: string): string => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Q Community CMS API reference</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${api}/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui" data-url="${api}/openapi.json"></div>
    <script src="${api}/docs/swagger-ui-bundle.js"></script>
    <script src="${api}/docs/start.js"></script>
  </body>
</html>
`

/** Starts Swagger UI on the document; the online validator badge (another origin) is off. */
const START_SCRIPT = `(function () {
  var root = document.getElementById('swagger-ui')
  window.ui = window.SwaggerUIBundle({
    url: root.getAttribute('data-url'),
    domNode: root,
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false,
    withCredentials: true,
  })
})()
`

type Asset = { contentType: string; file?: string; text?: string }

/** The only files served under /docs/: an allow-list, never a path from the request. */
export const DOCS_ASSETS: Record<string, Asset> = {
  'swagger-ui.css': { contentType: 'text/css; charset=utf-8', file: 'swagger-ui.css' },
  'swagger-ui-bundle.js': {
    contentType: 'text/javascript; charset=utf-8',
    file: 'swagger-ui-bundle.js',
  },
  'start.js': { contentType: 'text/javascript; charset=utf-8', text: START_SCRIPT },
}

/**
 * The package's folder, from the working directory: the server (bundled by esbuild) and Next's
 * route handlers (bundled by Turbopack) both run from the project root, and a path built at run
 * time is one neither bundler tries to follow.
 */
const packageDir = () => path.join(process.cwd(), 'node_modules', 'swagger-ui-dist')

const loaded = new Map<string, Promise<Buffer>>()

/** An asset's bytes, read once per process. */
export const docsAsset = (name: string): Promise<Buffer> | undefined => {
  const asset = DOCS_ASSETS[name]
  if (!asset) return undefined
  let bytes = loaded.get(name)
  if (!bytes) {
    bytes = asset.file
      ? readFile(path.join(packageDir(), asset.file))
      : Promise.resolve(Buffer.from(asset.text ?? ''))
    // A failed read is tried again next time.
    bytes.catch(() => loaded.delete(name))
    loaded.set(name, bytes)
  }
  return bytes
}

/**
 * Bundles the express host and the CLI scripts to dist/*.mjs with esbuild.
 *
 * Why: on Node 20, importing @payloadcms/richtext-lexical's hundreds of ES modules directly (with or
 * without tsx) intermittently leaves the import unsettled and the process exits with code 13 before
 * running a line. Bundling the Lexical module graph into one file avoids that; every other package
 * stays external and is loaded from node_modules as usual.
 */
import { readFileSync } from 'node:fs'

import { build } from 'esbuild'

const tsconfig = JSON.parse(readFileSync(new URL('../tsconfig.json', import.meta.url), 'utf8'))
const aliasPrefixes = Object.keys(tsconfig.compilerOptions.paths).map((alias) =>
  alias.replace('*', ''),
)
const bundledPackages = /^(@payloadcms\/richtext-lexical|lexical|@lexical\/)/

await build({
  entryPoints: {
    server: 'src/server.ts',
    seed: 'src/scripts/seed.ts',
    import: 'src/scripts/import.ts',
    digest: 'src/scripts/digest.ts',
    'search-reindex': 'src/scripts/searchReindex.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Admin-only stylesheets are served by Next, never needed by the server process.
  loader: { '.css': 'empty', '.scss': 'empty' },
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'external-node-modules',
      setup(builder) {
        builder.onResolve({ filter: /^[^./]/ }, ({ path }) => {
          if (aliasPrefixes.some((prefix) => path === prefix || path.startsWith(prefix)))
            return undefined
          if (bundledPackages.test(path)) return undefined
          return { external: true }
        })
      },
    },
  ],
})
console.log(
  '[build] dist/server.mjs and the CLI scripts (seed, import, digest, search-reindex) written',
)

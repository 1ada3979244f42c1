/**
 * The CLI scripts (seed, import, digest) open the same database as the running server, so they must
 * treat it as the server does: apply the committed migrations and never push a development schema
 * over a migrated one (which fails, or silently diverges). Imported first by each script; the npm
 * scripts also set NODE_ENV, for code that reads it while its module loads.
 */
Object.assign(process.env, { NODE_ENV: 'production' })

export {}

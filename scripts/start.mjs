/**
 * `npm start`: builds what is missing or older than the sources (Next app, server bundle), then
 * runs the express host in production mode. Production mode applies the committed migrations on
 * start; an empty database is then seeded with demo content (unless SEED=false).
 */
import path from 'node:path'

import { ensureBuilt, root } from './ensureBuilt.mjs'

if (process.env.SKIP_BUILD !== 'true') ensureBuilt()

process.env.NODE_ENV = 'production'
process.chdir(root)
await import(path.join(root, 'dist', 'server.mjs'))

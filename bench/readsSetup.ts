/**
 * What `npm run bench:reads` (bench/reads.ts) and its profiling run share: the seeded documents, the
 * stock Payload app (built outside the repo), and seeding through REST.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../scripts/postgresCluster.mjs'
import { richText, type RichTextBlock } from '../src/seed/lexical'
import { root } from './lib.mjs'

/** A realistic post: the paragraphs of a real Q blog post (shared/seed), about 500 words per document. */
const SOURCE_CANDIDATES = [
  path.join(root, '..', 'shared', 'seed', 'q-blog-post.txt'),
  '/work/shared/seed/q-blog-post.txt',
  path.join(root, 'bench', 'q-blog-post.txt'),
]
const WORDS_PER_POST = 500

const paragraphsOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    // The page's chrome around the post (navigation, comment form) is not content.
    .filter(
      (line) =>
        line.split(/\s+/).length >= 10 &&
        !/^(Skip to content|If you have a Q account|Read our comments policy)/.test(line),
    )

export const sourceParagraphs = (): string[] => {
  const file = SOURCE_CANDIDATES.find((candidate) => existsSync(candidate))
  if (!file)
    throw new Error(`bench:reads needs the seed text; looked in ${SOURCE_CANDIDATES.join(', ')}`)
  return paragraphsOf(readFileSync(file, 'utf8'))
}

/** The n-th document: its own title, and about 500 words starting at a different paragraph each time. */
export const benchPost = (n: number, paragraphs = sourceParagraphs()) => {
  const blocks: RichTextBlock[] = []
  let words = 0
  for (let i = 0; words < WORDS_PER_POST; i++) {
    const paragraph = paragraphs[(n + i) % paragraphs.length]
    words += paragraph.split(/\s+/).length
    // Numbered lines of the post are its section headings.
    blocks.push(/^\d\. /.test(paragraph) ? { heading: paragraph } : paragraph)
  }
  return { title: `Learning from each other, part ${n + 1}`, content: richText(...blocks) }
}

export const benchPosts = (count: number) => {
  const paragraphs = sourceParagraphs()
  return Array.from({ length: count }, (_, n) => benchPost(n, paragraphs))
}

/** Runs `task` for every item, `concurrency` at a time. */
export const eachLimited = async <T>(
  items: T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
) => {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++
        await task(items[index], index)
      }
    }),
  )
}

export const postJSON = async (url: string, json: unknown, token?: string, method = 'POST') => {
  const response = await fetch(url, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `JWT ${token}` } : {}),
    },
    body: JSON.stringify(json),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 300)}`)
  return JSON.parse(text) as Record<string, unknown> & { doc?: { id: number }; token?: string }
}

/** Creates the documents through REST (what an editor or an import would do), 4 requests at a time. */
export const seedThroughREST = async (
  url: string,
  collectionPath: string,
  token: string,
  docs: object[],
) => {
  const ids: number[] = new Array(docs.length)
  await eachLimited(docs, 4, async (doc, index) => {
    const body = await postJSON(`${url}${collectionPath}`, doc, token)
    ids[index] = Number(body.doc?.id)
  })
  return ids
}

// ---------------------------------------------------------------------------------------------
// The stock Payload 3.90.1 app (bench/stock-payload), built once into a temp folder keyed by its sources.

const STOCK_SOURCE = path.join(root, 'bench', 'stock-payload')
const STOCK_SKIP = new Set(['node_modules', '.next', 'data', 'media'])

const sourceHash = (dir: string, hash = createHash('sha256')) => {
  for (const entry of readdirSync(dir).sort()) {
    if (STOCK_SKIP.has(entry)) continue
    const full = path.join(dir, entry)
    if (statSync(full).isDirectory()) sourceHash(full, hash.update(`${entry}/`))
    else hash.update(entry).update(readFileSync(full))
  }
  return hash
}

/** The stock app's build folder, prepared (npm ci + next build, about two minutes) when missing. */
export const ensureStockBuilt = (): string => {
  const dir = path.join(
    os.tmpdir(),
    `q-cms-stock-payload-${sourceHash(STOCK_SOURCE).digest('hex').slice(0, 12)}`,
  )
  if (existsSync(path.join(dir, '.next', 'BUILD_ID'))) return dir
  console.log(
    `[bench] preparing the stock Payload app in ${dir} (npm ci + next build, about two minutes)…`,
  )
  rmSync(dir, { recursive: true, force: true })
  cpSync(STOCK_SOURCE, dir, {
    recursive: true,
    filter: (source) => !STOCK_SKIP.has(path.basename(source)),
  })
  // npm ci with its devDependencies (TypeScript, types): next build type-checks the app.
  for (const [command, args] of [
    ['npm', ['ci', '--no-audit', '--no-fund', '--include=dev']],
    ['npx', ['next', 'build']],
  ] as const) {
    const result = spawnSync(command, [...args], {
      cwd: dir,
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_ENV: command === 'npm' ? 'development' : 'production',
        NODE_OPTIONS: '',
      },
    })
    if (result.status !== 0)
      throw new Error(`stock app: ${command} ${args.join(' ')} failed (${result.status})`)
  }
  return dir
}

export type BenchServer = {
  url: string
  child: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

const waitFor = async (
  child: ChildProcess,
  output: () => string,
  ready: () => Promise<boolean>,
  label: string,
) => {
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${label} exited (${child.exitCode}):\n${output()}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${label} did not start within 90 s:\n${output()}`)
    }
    if (await ready().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export const spawnServer = async (
  label: string,
  command: string,
  args: string[],
  options: {
    cwd: string
    env: Record<string, string>
    ready: (url: string) => Promise<boolean>
    port: number
  },
): Promise<BenchServer> => {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, NODE_OPTIONS: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const url = `http://127.0.0.1:${options.port}`
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  await waitFor(
    child,
    () => log,
    () => options.ready(url),
    label,
  )
  return {
    url,
    child,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(force)
    },
  }
}

/** Starts the stock app (`next start`) on a fresh SQLite file in its build folder. */
export const startStock = async (dir: string): Promise<BenchServer> => {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'q-cms-stock-data-'))
  mkdirSync(path.join(dir, 'data'), { recursive: true })
  return spawnServer(
    'stock Payload',
    path.join(dir, 'node_modules', '.bin', 'next'),
    ['start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: dir,
      port,
      env: {
        NODE_ENV: 'production',
        PAYLOAD_SECRET: 'bench-stock-secret',
        DATABASE_URI: `file:${path.join(dataDir, 'bench.db')}`,
        MEDIA_DIR: path.join(dataDir, 'media'),
      },
      ready: async (url) => (await fetch(`${url}/api/posts?limit=1`)).status === 200,
    },
  )
}

export const STOCK_ADMIN = { email: 'bench@example.org', password: 'bench-password-1' }

/** The stock app's first user, then the documents as `posts`. */
export const seedStock = async (url: string, docs: object[]) => {
  await postJSON(`${url}/api/users/first-register`, STOCK_ADMIN)
  const { token } = await postJSON(`${url}/api/users/login`, STOCK_ADMIN)
  return seedThroughREST(url, '/api/posts', String(token), docs)
}

export const CMS_ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password-1' }

/** Starts this CMS (dist/server.mjs, production mode) on the given SQLite file. */
export const startCMS = async (
  databaseFile: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<BenchServer> => {
  const port = await freePort()
  return spawnServer(
    'the CMS',
    process.execPath,
    [...nodeArgs, path.join(root, 'dist', 'server.mjs')],
    {
      cwd: root,
      port,
      env: {
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        SERVER_URL: `http://127.0.0.1:${port}`,
        DATABASE_URL: `file:${databaseFile}`,
        MEDIA_DIR: path.join(path.dirname(databaseFile), 'media'),
        PAYLOAD_SECRET: 'bench-cms-secret',
        ADMIN_EMAIL: CMS_ADMIN.email,
        ADMIN_PASSWORD: CMS_ADMIN.password,
        SEED: 'false',
        ...env,
      },
      ready: async (url) => (await fetch(`${url}/readyz`)).status === 200,
    },
  )
}

export const loginCMS = async (url: string) =>
  String((await postJSON(`${url}/api/users/login`, CMS_ADMIN)).token)

/** The documents as published `blogs` of this CMS. */
export const seedCMS = async (url: string, docs: object[]) => {
  const token = await loginCMS(url)
  const ids = await seedThroughREST(
    url,
    '/api/blogs',
    token,
    docs.map((doc) => ({ ...doc, _status: 'published' })),
  )
  return { token, ids }
}

export const writeJSON = (file: string, value: unknown) =>
  writeFileSync(file, JSON.stringify(value))

/**
 * The ceiling for `npm run bench:reads`: a bare node:http server answering the CMS's own response
 * bytes from memory, with a strong ETag and 304 on If-None-Match, and nothing else.
 *
 * Usage: node bench/readsMemoryServer.mjs <responses.json> <port>
 * responses.json: { "<METHOD> <path>": { "type": "<content-type>", "body": "<base64>" } }
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const [file, port] = process.argv.slice(2)
const responses = new Map(
  Object.entries(JSON.parse(readFileSync(file, 'utf8'))).map(([key, { type, body }]) => {
    const bytes = Buffer.from(body, 'base64')
    return [
      key,
      { type, bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url')}"` },
    ]
  }),
)

const server = createServer((req, res) => {
  // GraphQL bodies are drained, not parsed: the benchmark sends one query.
  req.resume()
  req.on('end', () => {
    const found = responses.get(`${req.method} ${req.url}`)
    if (!found) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"errors":[{"message":"not found"}]}')
      return
    }
    if (req.headers['if-none-match'] === found.etag) {
      res.writeHead(304, { etag: found.etag }).end()
      return
    }
    res
      .writeHead(200, {
        'content-type': found.type,
        'content-length': found.bytes.length,
        etag: found.etag,
      })
      .end(found.bytes)
  })
})
server.keepAliveTimeout = 60_000
server.listen(Number(port), '127.0.0.1', () => console.log(`memory server ready on ${port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))

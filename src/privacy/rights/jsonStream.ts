/**
 * One JSON object written piece by piece: each part is a value, a promise, or an async iterable
 * written as an array one element at a time, so a part of 100,000 rows is never held at once.
 */
export type JsonPart = unknown | Promise<unknown> | AsyncIterable<unknown>

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value

/** The object's text, in pieces: `{`, each `"key":value`, arrays element by element, `}`. */
export async function* jsonPieces(
  parts: Iterable<[string, () => JsonPart]>,
): AsyncGenerator<string> {
  yield '{'
  let firstKey = true
  for (const [key, read] of parts) {
    yield `${firstKey ? '' : ','}${JSON.stringify(key)}:`
    firstKey = false
    const value = await read()
    if (!isAsyncIterable(value)) {
      yield JSON.stringify(value ?? null)
      continue
    }
    yield '['
    let first = true
    for await (const item of value) {
      yield `${first ? '' : ','}${JSON.stringify(item ?? null)}`
      first = false
    }
    yield ']'
  }
  yield '}'
}

const CHUNK_CHARACTERS = 64 * 1024

type Logger = { payload: { logger: { error: (details: object) => void } } }

/**
 * The pieces as a byte stream for a Response body. A failure midway is logged and errors the
 * stream, so the client sees a broken download rather than a truncated file that parses.
 */
export const jsonStream = (
  pieces: AsyncGenerator<string>,
  { payload }: Logger,
): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // Pieces are small (one row each): sent in chunks of about 64 KB, not one write per row.
        let chunk = ''
        for (;;) {
          const { value, done } = await pieces.next()
          if (done) {
            if (chunk) controller.enqueue(encoder.encode(chunk))
            controller.close()
            return
          }
          chunk += value
          if (chunk.length >= CHUNK_CHARACTERS) break
        }
        controller.enqueue(encoder.encode(chunk))
      } catch (err) {
        payload.logger.error({ err, msg: 'member data export failed midway' })
        controller.error(err)
      }
    },
    async cancel() {
      await pieces.return(undefined)
    },
  })
}

import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedEmail = {
  to: string[]
  from: string
  subject: string
  text: string
  html: string
  headers: Map<string, unknown>
  /** Raw header values by lower-case name (mailparser folds List-* headers into a structure). */
  rawHeaders: Record<string, string>
}

/**
 * A real SMTP server on a loopback port (free, or the one given) that keeps every message it
 * accepts, parsed. No TLS and no authentication: it only ever listens on 127.0.0.1.
 *
 * `stallAfter(n)`: after n accepted messages, later ones are held without an answer, as a server
 * that hangs mid-transaction; a message never answered was never accepted, so it is not recorded.
 */
export const startSmtpServer = async (options: { port?: number } = {}) => {
  const messages: ReceivedEmail[] = []
  let stallAt = Number.POSITIVE_INFINITY
  let held = 0
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Stopping must not wait for a client's idle pooled connections.
    closeTimeout: 100,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (messages.length >= stallAt) {
            held += 1
            return
          }
          messages.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers: parsed.headers as Map<string, unknown>,
            rawHeaders: Object.fromEntries(
              parsed.headerLines.map(({ key, line }) => [
                key,
                line
                  .slice(line.indexOf(':') + 1)
                  .replace(/\r?\n\s+/g, ' ')
                  .trim(),
              ]),
            ),
          })
          callback()
        })
        .catch(callback)
    },
  })
  // A client killed mid-connection (a server under SIGKILL) resets its sockets; smtp-server emits
  // that as an 'error' event, which would otherwise be thrown in the test process.
  server.on('error', () => undefined)
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  /** Resolves with the first message matching `predicate` that arrives within `timeoutMs`. */
  const waitFor = async (
    predicate: (message: ReceivedEmail) => boolean,
    timeoutMs = 10_000,
  ): Promise<ReceivedEmail> => {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const found = messages.find(predicate)
      if (found) return found
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(
      `no matching email within ${timeoutMs} ms; received: ${messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ')}`,
    )
  }

  /** Resolves once `count` messages match `predicate`, or throws after `timeoutMs`. */
  const waitForCount = async (
    predicate: (message: ReceivedEmail) => boolean,
    count: number,
    timeoutMs = 30_000,
  ): Promise<ReceivedEmail[]> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = messages.filter(predicate)
      if (found.length >= count) return found
      if (Date.now() > deadline)
        throw new Error(`${found.length} of ${count} matching emails within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  return {
    port,
    messages,
    waitFor,
    waitForCount,
    stallAfter: (count: number) => {
      stallAt = count
    },
    /** Messages held unanswered since the stall began. */
    held: () => held,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

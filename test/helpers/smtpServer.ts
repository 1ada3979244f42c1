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
 * A real SMTP server on a free loopback port that keeps every message it receives, parsed.
 * No TLS and no authentication: it only ever listens on 127.0.0.1.
 */
export const startSmtpServer = async () => {
  const messages: ReceivedEmail[] = []
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers: parsed.headers as Map<string, unknown>,
            rawHeaders: Object.fromEntries(
              parsed.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim()]),
            ),
          })
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  /** Resolves with the first message matching `predicate` that arrives within `timeoutMs`. */
  const waitFor = async (predicate: (message: ReceivedEmail) => boolean, timeoutMs = 10_000): Promise<ReceivedEmail> => {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const found = messages.find(predicate)
      if (found) return found
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`no matching email within ${timeoutMs} ms; received: ${messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ')}`)
  }

  return {
    port,
    messages,
    waitFor,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

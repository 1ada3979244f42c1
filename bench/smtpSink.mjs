/**
 * A local SMTP server for the fan-out benchmark, in its own process so that receiving does not
 * take CPU from the sender being measured. Accepts everything, keeps nothing; prints its port.
 */
import { SMTPServer } from 'smtp-server'

const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  closeTimeout: 100,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined)
    stream.on('end', () => callback())
  },
})
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address()
  console.log(`port ${typeof address === 'object' && address ? address.port : 0}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))

import { IncomingMessage } from 'node:http'

import type { RequestHandler, Response } from 'express'
import getRawBody from 'raw-body'

import { errorBody } from '../http/errorResponses'
import { jsonBodyProblem } from '../http/json'

export type BodyLimits = {
  /** Every body that is not a multipart upload, counted on the bytes actually received. */
  jsonMaxBytes: number
  /** Multipart uploads (files), by their declared length. */
  uploadMaxBytes: number
  /** Whether a route takes files (`path` relative to /api); other multipart bodies count as JSON. */
  acceptsUpload: (method: string, path: string) => boolean
  /** GraphQL queries: far smaller than any honest query, so a huge one is refused before parsing. */
  graphQLMaxBytes: number
}

/** Set on `res.locals` when the body was read here: the request Next must be given instead of the original. */
export const BUFFERED_REQUEST = 'bufferedRequest'
/** Set on `res.locals` with the body's bytes when it was read here (the read cache keys GraphQL queries by them). */
export const REQUEST_BODY = 'requestBody'

const isMultipart = (contentType: string) => contentType.toLowerCase().startsWith('multipart/')
const isJSON = (contentType: string) => /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType)

/**
 * A request Next can read the already-received body from: same socket, headers and URL, with the
 * body replayed from memory (and its true length declared, chunked or not).
 */
const replayRequest = (original: IncomingMessage, url: string, body: Buffer): IncomingMessage => {
  const replay = new IncomingMessage(original.socket)
  // Data comes from the buffer, never from the socket; destroying the replay must not close it.
  replay._read = () => undefined
  replay._destroy = (error, callback) => callback(error)
  const headers = { ...original.headers, 'content-length': String(body.length) }
  delete headers['transfer-encoding']
  replay.headers = headers
  replay.rawHeaders = original.rawHeaders
  replay.url = url
  replay.method = original.method
  replay.httpVersion = original.httpVersion
  replay.httpVersionMajor = original.httpVersionMajor
  replay.httpVersionMinor = original.httpVersionMinor
  replay.complete = true
  replay.push(body)
  replay.push(null)
  return replay
}

/**
 * Answers, then discards what the client still sends for a few seconds at most, so that it reads
 * the answer (closing at once would reset the connection under a client still uploading).
 */
const refuse = (
  req: IncomingMessage,
  res: Response,
  status: number,
  field: string,
  message: string,
) => {
  res.status(status).json(errorBody(field, message))
  if (req.complete) return
  const giveUp = setTimeout(() => req.socket.destroy(), 5000)
  giveUp.unref()
  req.once('end', () => clearTimeout(giveUp))
  req.resume()
}

const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0

/**
 * Enforces the body limits on what is actually received, whatever the framing (Content-Length,
 * chunked, or a length that lies), for every route behind it. Non-upload bodies are read here in
 * full (at most `jsonMaxBytes`) and checked when they claim to be JSON; Next then reads them from
 * memory. Uploads stream to Payload, so they must declare their length and stay under the upload
 * limit (Node never reads past a declared length).
 */
export const readBody =
  ({
    jsonMaxBytes: bodyMaxBytes,
    uploadMaxBytes,
    acceptsUpload,
    graphQLMaxBytes,
  }: BodyLimits): RequestHandler =>
  async (req, res, next) => {
    if (!hasBody(req)) return next()
    const contentType = req.headers['content-type'] ?? ''
    const declared =
      req.headers['content-length'] === undefined
        ? undefined
        : Number(req.headers['content-length'])
    const jsonMaxBytes =
      req.path === '/graphql' ? Math.min(graphQLMaxBytes, bodyMaxBytes) : bodyMaxBytes
    // Only routes that take files get the upload limit; a multipart body anywhere else (the admin's
    // form posts, a bot's 20 MB "form") is read and limited like any other body.
    if (isMultipart(contentType) && acceptsUpload(req.method, req.path)) {
      const limit = uploadMaxBytes + 64 * 1024
      if (declared === undefined)
        return refuse(req, res, 411, 'body', 'Send uploads with a Content-Length header.')
      if (declared > limit)
        return refuse(
          req,
          res,
          413,
          'body',
          `The request body is ${declared} bytes; the limit for uploads is ${limit} bytes.`,
        )
      return next()
    }
    if (declared !== undefined && declared > jsonMaxBytes) {
      return refuse(
        req,
        res,
        413,
        'body',
        `The request body is ${declared} bytes; the limit is ${jsonMaxBytes} bytes.`,
      )
    }
    let body: Buffer
    try {
      body = await getRawBody(req, { limit: jsonMaxBytes, length: declared })
    } catch (error) {
      if ((error as { type?: string }).type === 'entity.too.large') {
        return refuse(
          req,
          res,
          413,
          'body',
          `The request body is over the limit of ${jsonMaxBytes} bytes.`,
        )
      }
      // The client went away or sent a broken body: nobody is left to answer, or a 400 will do.
      if (!res.headersSent && !req.socket.destroyed)
        refuse(req, res, 400, 'body', 'The request body could not be read.')
      return
    }
    if (isJSON(contentType)) {
      const problem = jsonBodyProblem(body)
      if (problem) return refuse(req, res, 400, 'body', problem)
    }
    // `req.url` is relative to where this is mounted; Next needs the whole path.
    res.locals[BUFFERED_REQUEST] = replayRequest(req, req.originalUrl, body)
    res.locals[REQUEST_BODY] = body
    next()
  }

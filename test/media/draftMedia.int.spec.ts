/**
 * Files are public only while published content uses them, over real HTTP: by id, in lists and at
 * the file URL, for an evaluation report's PDF through draft, publish, draft swap, unpublish and
 * delete. Seeded demo media used by published content stays public.
 */
import sharp from 'sharp'

import { makeReportPdf } from '@/seed/demoFiles'

import { type Actors, createActors } from '../access/actors'
import { api, errorPaths, type RunningServer, startServer } from '../helpers/server'

let server: RunningServer
let client: ReturnType<typeof api>
let actors: Actors

const uploadPdf = async (title: string) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(makeReportPdf(title))], { type: 'application/pdf' }), `${title.replace(/\W+/g, '-')}.pdf`)
  form.append('_payload', JSON.stringify({ alt: title }))
  const response = await client.request('POST', '/api/media', { token: actors.tokens.editor, body: form })
  expect(response.status).toBe(201)
  return { id: response.body.doc?.id as number, url: response.body.doc?.url as string, bytes: makeReportPdf(title) }
}

type Pdf = Awaited<ReturnType<typeof uploadPdf>>

/** What an anonymous visitor gets for a file: by id, in the list, and its bytes. */
const publicView = async (pdf: Pdf) => {
  const byId = await client.request('GET', `/api/media/${pdf.id}`)
  const listed = await client.request('GET', `/api/media?where[id][equals]=${pdf.id}`)
  const file = await fetch(new URL(pdf.url, server.url))
  return { byId: byId.status, listed: listed.body.totalDocs, file: file.status, bytes: Buffer.from(await file.arrayBuffer()) }
}

const expectHidden = async (pdf: Pdf) => {
  const view = await publicView(pdf)
  expect([403, 404]).toContain(view.byId)
  expect(view.listed).toBe(0)
  expect([403, 404]).toContain(view.file)
  expect(view.bytes.includes(Buffer.from('%PDF'))).toBe(false)
}

const expectPublic = async (pdf: Pdf) => {
  const view = await publicView(pdf)
  expect(view).toMatchObject({ byId: 200, listed: 1, file: 200 })
  expect(view.bytes.equals(pdf.bytes)).toBe(true)
}

const report = (pdf: Pdf, status: 'draft' | 'published') => ({ title: `Report ${pdf.id}`, authorsOrganisation: 'RAND Europe', reportFile: pdf.id, _status: status })

beforeAll(async () => {
  server = await startServer('draft-media', { LOGIN_RATE_LIMIT: '50' })
  client = api(server.url)
  actors = await createActors(client, 'media')
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

test('seeded media used by published content stays public', async () => {
  const blogs = await client.request('GET', '/api/blogs?depth=1&limit=10')
  const reports = await client.request('GET', '/api/evaluation-reports?depth=1&limit=10')
  const files = [...(blogs.body.docs ?? []).map((doc) => doc.heroImage), ...(reports.body.docs ?? []).map((doc) => doc.reportFile)]
    .filter((file): file is { url: string } => typeof file === 'object' && file !== null)
  expect(files.length).toBeGreaterThanOrEqual(2)
  for (const file of files) expect((await fetch(new URL(file.url, server.url))).status).toBe(200)
})

test("a draft report's PDF is hidden until the report is published, and hidden again when unpublished", async () => {
  const pdf = await uploadPdf('Draft evaluation')
  await expectHidden(pdf)

  const created = await client.request('POST', '/api/evaluation-reports?draft=true', { token: actors.tokens.editor, json: report(pdf, 'draft') })
  expect(created.status).toBe(201)
  const id = created.body.doc?.id as number
  await expectHidden(pdf)
  // Staff still read it, to preview the draft.
  expect((await client.request('GET', `/api/media/${pdf.id}`, { token: actors.tokens.moderator })).status).toBe(200)

  expect((await client.request('PATCH', `/api/evaluation-reports/${id}`, { token: actors.tokens.editor, json: { _status: 'published' } })).status).toBe(200)
  await expectPublic(pdf)

  // A draft that swaps the file: the published version still uses the old one, the new one waits.
  const next = await uploadPdf('Revised evaluation')
  const swapped = await client.request('PATCH', `/api/evaluation-reports/${id}?draft=true`, { token: actors.tokens.editor, json: { reportFile: next.id, _status: 'draft' } })
  expect(swapped.status).toBe(200)
  await expectPublic(pdf)
  await expectHidden(next)

  // Publishing the swap publishes the new file and retires the old one.
  expect((await client.request('PATCH', `/api/evaluation-reports/${id}`, { token: actors.tokens.editor, json: { reportFile: next.id, _status: 'published' } })).status).toBe(200)
  await expectPublic(next)
  await expectHidden(pdf)

  // Unpublishing hides it again.
  expect((await client.request('PATCH', `/api/evaluation-reports/${id}`, { token: actors.tokens.editor, json: { _status: 'draft' } })).status).toBe(200)
  await expectHidden(next)
})

test("deleting the published report hides its file; another published document's use keeps it public", async () => {
  const pdf = await uploadPdf('Shared evaluation')
  const first = await client.request('POST', '/api/evaluation-reports', { token: actors.tokens.editor, json: report(pdf, 'published') })
  const second = await client.request('POST', '/api/evaluation-reports', { token: actors.tokens.editor, json: { ...report(pdf, 'published'), title: 'Second report' } })
  expect([first.status, second.status]).toEqual([201, 201])
  await expectPublic(pdf)
  expect((await client.request('DELETE', `/api/evaluation-reports/${first.body.doc?.id}`, { token: actors.tokens.admin })).status).toBe(200)
  await expectPublic(pdf)
  expect((await client.request('DELETE', `/api/evaluation-reports/${second.body.doc?.id}`, { token: actors.tokens.admin })).status).toBe(200)
  await expectHidden(pdf)
})

test("a member cannot keep a published report's PDF public by making it their avatar", async () => {
  const pdf = await uploadPdf('Withdrawn later')
  const published = await client.request('POST', '/api/evaluation-reports', { token: actors.tokens.editor, json: report(pdf, 'published') })
  expect(published.status).toBe(201)
  await expectPublic(pdf)
  const response = await client.request('PATCH', `/api/members/${actors.ids.member}`, { token: actors.tokens.member, json: { avatar: pdf.id } })
  expect(response.status).toBe(400)
  expect(errorPaths(response.body)).toContain('avatar')
  expect((await client.request('DELETE', `/api/evaluation-reports/${published.body.doc?.id}`, { token: actors.tokens.admin })).status).toBe(200)
  await expectHidden(pdf)
})

test("a member cannot publish a hidden file by making it their avatar", async () => {
  const pdf = await uploadPdf('Secret draft')
  const response = await client.request('PATCH', `/api/members/${actors.ids.member}`, { token: actors.tokens.member, json: { avatar: pdf.id } })
  expect(response.status).toBe(400)
  expect(errorPaths(response.body)).toContain('avatar')
  await expectHidden(pdf)
})

test('an uploaded photo loses its EXIF and GPS position, in the original and every resized copy, and stays the right way up', async () => {
  // 640×320 pixels stored on their side: EXIF orientation 6 says "turn 90° clockwise to view".
  const photo = await sharp({ create: { width: 640, height: 320, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'WardCam', Model: 'Bay 4' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .toBuffer()
  const sent = await sharp(photo).metadata()
  expect(sent).toMatchObject({ orientation: 6, width: 640, height: 320 })
  expect(sent.exif?.includes(Buffer.from('WardCam'))).toBe(true)

  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'ward-photo.jpg')
  form.append('_payload', JSON.stringify({ alt: 'A ward' }))
  const uploaded = await client.request('POST', '/api/media', { token: actors.tokens.editor, body: form })
  expect(uploaded.status).toBe(201)
  const doc = uploaded.body.doc
  expect(doc).toMatchObject({ width: 320, height: 640, url: expect.any(String) })
  const sizes = (doc?.sizes ?? {}) as Record<string, { url?: string | null }>

  const stored = async (url: string) => {
    const response = await fetch(new URL(url, server.url), { headers: { Authorization: `JWT ${actors.tokens.editor}` } })
    expect(response.status).toBe(200)
    const bytes = Buffer.from(await response.arrayBuffer())
    return { bytes, metadata: await sharp(bytes).metadata() }
  }
  const files = [String(doc?.url), ...Object.values(sizes).flatMap((size) => (size.url ? [size.url] : []))]
  expect(files.length).toBeGreaterThanOrEqual(2)
  for (const url of files) {
    const { bytes, metadata } = await stored(url)
    expect({ url, exif: metadata.exif, orientation: metadata.orientation }).toEqual({ url, exif: undefined, orientation: undefined })
    expect(bytes.includes(Buffer.from('WardCam'))).toBe(false)
    expect(bytes.includes(Buffer.from('GPS'))).toBe(false)
  }
  // Turned upright before the orientation tag went: portrait, as the photo is viewed.
  expect((await stored(String(doc?.url))).metadata).toMatchObject({ width: 320, height: 640 })
})

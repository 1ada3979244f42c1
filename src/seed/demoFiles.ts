import sharp from 'sharp'

/** A 1600×900 abstract hero image (overlapping circles: a network of improvers), made at seed time. */
export const makeHeroImage = async (): Promise<Buffer> => {
  const circles = [
    [420, 380, 260, '#1c6f8c'],
    [820, 460, 300, '#f0a202'],
    [1180, 360, 240, '#d1495b'],
    [760, 700, 180, '#00798c'],
  ]
    .map(
      ([cx, cy, r, fill]) =>
        `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}" fill-opacity="0.72"/>`,
    )
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="#edf2f4"/>${circles}</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/**
 * A one-page PDF naming the report, so the demo evaluation report has a real file to download.
 * PDF needs byte offsets in its cross-reference table, computed here as the objects are written.
 */
export const makeReportPdf = (title: string): Buffer => {
  const safeTitle = title.replace(/[()\\]/g, '')
  const stream = `BT /F1 18 Tf 72 760 Td (${safeTitle}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body))
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xrefOffset = Buffer.byteLength(body)
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

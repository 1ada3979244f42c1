import { MARK_END, MARK_START } from '../constants'

type LexicalNode = { type?: unknown; text?: unknown; children?: unknown; [key: string]: unknown }

/** Nodes whose text runs on without a break (inline); every other element ends a line. */
const INLINE = new Set(['text', 'link', 'autolink', 'linebreak', 'tab'])

const isNode = (value: unknown): value is LexicalNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const walk = (node: LexicalNode, out: string[], depth: number) => {
  // Editors nest lists and quotes a few levels; a hostile document could nest thousands.
  if (depth > 50) return
  if (node.type === 'linebreak') out.push('\n')
  if (node.type === 'tab') out.push(' ')
  if (typeof node.text === 'string') out.push(node.text)
  if (Array.isArray(node.children))
    for (const child of node.children) if (isNode(child)) walk(child, out, depth + 1)
  if (typeof node.type === 'string' && !INLINE.has(node.type)) out.push('\n')
}

/** Drops the highlight markers from stored text, so only the database's own markers become `<mark>`. */
export const withoutMarkers = (text: string): string =>
  text.replaceAll(MARK_START, '').replaceAll(MARK_END, '')

/**
 * The plain text of a Lexical rich-text value (`{ root: { children } }`): text nodes in order,
 * blocks on their own lines, whitespace collapsed. Anything else (null, a string of HTML, broken
 * JSON) gives '' or its own text; never throws. Uploads and relationships carry no text here.
 */
export const lexicalToPlainText = (value: unknown): string => {
  if (!isNode(value) || !isNode(value.root)) return ''
  const out: string[] = []
  walk(value.root, out, 0)
  return withoutMarkers(
    out
      .join('')
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n'),
  )
}

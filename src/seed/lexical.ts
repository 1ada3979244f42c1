/**
 * Builds Lexical rich-text JSON from plain blocks, so seed content and tests stay readable instead
 * of carrying large copied editor fixtures.
 */
export type RichTextBlock = string | { heading: string; tag?: 'h2' | 'h3' } | { list: string[] }

type LexicalNode = { type: string; version: number; [key: string]: unknown }

const text = (value: string): LexicalNode => ({
  type: 'text',
  version: 1,
  text: value,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
})

const element = (
  type: string,
  children: LexicalNode[],
  extra: Record<string, unknown> = {},
): LexicalNode => ({
  type,
  version: 1,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  ...extra,
})

const toNode = (block: RichTextBlock): LexicalNode => {
  if (typeof block === 'string')
    return element('paragraph', [text(block)], { textFormat: 0, textStyle: '' })
  if ('heading' in block)
    return element('heading', [text(block.heading)], { tag: block.tag ?? 'h2' })
  return element(
    'list',
    block.list.map((item, index) => element('listitem', [text(item)], { value: index + 1 })),
    { listType: 'bullet', start: 1, tag: 'ul' },
  )
}

export const richText = (...blocks: RichTextBlock[]) => ({
  root: {
    type: 'root',
    version: 1,
    children: blocks.map(toNode),
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
  },
})

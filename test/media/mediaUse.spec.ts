import { findMediaReferences, mediaIdsOf, richTextMediaIds } from '@collections/Media/mediaUse'
import type { Field } from 'payload'

import { namesUser } from '@/access/lockInOwnName'

describe('media references', () => {
  test('upload fields are found through groups and rows; rich text is listed', () => {
    const fields: Field[] = [
      { name: 'heroImage', type: 'upload', relationTo: 'media' },
      { name: 'content', type: 'richText' },
      { name: 'meta', type: 'group', fields: [{ name: 'image', type: 'upload', relationTo: 'media' }] },
      { type: 'row', fields: [{ name: 'file', type: 'upload', relationTo: 'media' }] },
      { name: 'title', type: 'text' },
    ]
    expect(findMediaReferences(fields)).toEqual({ uploads: ['heroImage', 'meta.image', 'file'], richText: ['content'] })
  })

  test('media inside an array is refused rather than silently ignored', () => {
    const fields: Field[] = [{ name: 'gallery', type: 'array', fields: [{ name: 'image', type: 'upload', relationTo: 'media' }] }]
    expect(() => findMediaReferences(fields)).toThrow(/gallery/)
  })

  test('Lexical upload nodes anywhere in rich text are collected; other relations are not', () => {
    const content = {
      root: {
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: 'hi' }] },
          { type: 'upload', relationTo: 'media', value: 7 },
          { type: 'list', children: [{ type: 'upload', relationTo: 'media', value: { id: 9 } }] },
          { type: 'relationship', relationTo: 'blogs', value: 3 },
        ],
      },
    }
    expect([...richTextMediaIds(content)].sort()).toEqual(['7', '9'])
    expect([...mediaIdsOf({ heroImage: { id: 4 }, content }, { uploads: ['heroImage'], richText: ['content'] })].sort()).toEqual(['4', '7', '9'])
  })
})

describe('document locks in one’s own name', () => {
  const editor = { id: 3, collection: 'users' }
  test.each([
    [{ relationTo: 'users', value: 3 }, true],
    [{ relationTo: 'users', value: '3' }, true],
    [{ relationTo: 'users', value: { id: 3 } }, true],
    [{ relationTo: 'users', value: 4 }, false],
    [{ relationTo: 'members', value: 3 }, false],
    [3, false],
    [null, false],
  ])('%j names the editor: %s', (ref, expected) => {
    expect(namesUser(ref, editor)).toBe(expected)
  })
})

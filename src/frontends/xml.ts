import { XMLBuilder } from 'fast-xml-parser'

/**
 * The one XML writer of feeds and sitemaps: attributes as `@_name`, text as `#text`, entities
 * escaped, `undefined` values left out. Pretty-printed: bots and people read these.
 */
export const xmlBuilder = (): XMLBuilder =>
  new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    format: true,
    suppressEmptyNode: true,
  })

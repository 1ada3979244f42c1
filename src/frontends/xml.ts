import { XMLBuilder } from 'fast-xml-parser'

/**
 * Characters XML 1.0 allows nowhere, escaped or not: C0 controls other than tab, newline and
 * return, U+FFFE/U+FFFF and unpaired surrogates. One in a member's name would make every feed
 * naming them unreadable to feed readers.
 */
const NOT_XML_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text with the characters XML 1.0 (and iCalendar's TEXT) cannot carry removed. */
export const withoutControlCharacters = <T>(value: T): T =>
  (typeof value === 'string' ? value.replace(NOT_XML_CHARACTERS, '') : value) as T

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
    tagValueProcessor: (_name, value) => withoutControlCharacters(value),
    attributeValueProcessor: (_name, value) => withoutControlCharacters(value),
  })

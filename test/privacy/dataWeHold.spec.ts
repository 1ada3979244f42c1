/**
 * The README's "Data we hold" table must name every collection of the live config, so a new
 * collection cannot go live without saying what it holds, why, who sees it and for how long.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { SanitizedConfig } from 'payload'

/** The collection slugs named (in backticks) in the first column of the table under `### Data we hold`. */
export const slugsInDataTable = (readme: string): Set<string> => {
  const start = readme.indexOf('### Data we hold')
  if (start < 0) throw new Error('README has no "### Data we hold" section')
  const rest = readme.slice(start + 1)
  const end = rest.search(/\n#{2,3} /)
  const section = end < 0 ? rest : rest.slice(0, end)
  const slugs = new Set<string>()
  for (const line of section.split('\n')) {
    if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue
    const firstCell = line.split('|')[1] ?? ''
    for (const match of firstCell.matchAll(/`([a-z0-9-]+)`/g)) slugs.add(match[1])
  }
  return slugs
}

let config: SanitizedConfig

beforeAll(async () => {
  const { default: configPromise } = await import('@payload-config')
  config = await configPromise
})

test('the table parser reads the first column only', () => {
  const readme = [
    '### Data we hold',
    '| Data (collection) | What |',
    '| --- | --- |',
    '| `members`, `users` | names, `not-a-slug` |',
    '## Next',
    '| `after` | x |',
  ].join('\n')
  expect([...slugsInDataTable(readme)].sort()).toEqual(['members', 'users'])
})

test('every collection in the config is in the README "Data we hold" table', () => {
  const readme = readFileSync(path.resolve(process.cwd(), 'README.md'), 'utf8')
  const named = slugsInDataTable(readme)
  expect(
    config.collections.map((collection) => collection.slug).filter((slug) => !named.has(slug)),
  ).toEqual([])
})

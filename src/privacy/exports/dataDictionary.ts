import { EXPORT_FILES, OTHER } from './constants'

export type DictionaryFacts = {
  k: number
  counts: { professionGeneralised: number; regionGeneralised: number; suppressed: number }
}

/** data-dictionary.md: every column of every file, and what was done to protect members. */
export const dataDictionary = ({
  k,
  counts,
}: DictionaryFacts): string => `# Network export — data dictionary

Only members who opted in to network analysis are included, and only connections (accepted)
between two such members.

## Pseudonyms

Each member appears as a pseudonym: HMAC-SHA256 of their internal id under a random 32-byte key
generated for this export alone (the first 20 hex characters). The same member has a different
pseudonym in every export, so two exports cannot be linked. The key stays with the CMS; an
administrator can hand it over on purpose. Rows are ordered by pseudonym, not by joining order.

## Protection against singling out (k = ${k})

Every published region × profession group has at least ${k} members:

1. members in a smaller group are published with profession "${OTHER}" (in their region):
   ${counts.professionGeneralised} member(s);
2. members still in a group smaller than ${k} are published with region "${OTHER}" too:
   ${counts.regionGeneralised} member(s);
3. members still in a group smaller than ${k} are left out (suppressed), with their connections:
   ${counts.suppressed} member(s).

Join and acceptance dates are published to the month only.

## ${EXPORT_FILES.members}

| column | meaning |
| --- | --- |
| pseudonym | the member's pseudonym in this export |
| region | the member's region code, or "${OTHER}" (see above) |
| profession | the member's profession code, or "${OTHER}" (see above) |
| joined_month | when the member joined (UTC): the month (YYYY-MM) where every join month of their region × profession group has at least k members, else the year (YYYY) where every year does, else empty (withheld); one precision per group, because the public member directory shows when listed members joined |

## ${EXPORT_FILES.connections}

One row per connected pair (undirected: who asked whom is not published).

| column | meaning |
| --- | --- |
| pseudonym_a | one member's pseudonym (the smaller of the two, alphabetically) |
| pseudonym_b | the other member's pseudonym |
| accepted_month | the month (YYYY-MM, UTC) the connection was accepted |

## ${EXPORT_FILES.monthly}

The network as published here (suppressed members left out) at the end of each month, computed
with the same code as the CMS's network statistics.

| column | meaning |
| --- | --- |
| month | YYYY-MM |
| members | members who had joined by the end of the month |
| connections | connected pairs by then (both members joined, connection accepted) |
| density | connections ÷ possible pairs |
| average_connections | mean connections per member |
| median_connections | median connections per member |
| components | connected components (an isolated member is one) |
| largest_component_share | share of members in the largest component |
| isolates | members without connections |
| cross_region_share | share of connections between different published regions |
| cross_profession_share | share of connections between different published professions |

## ${EXPORT_FILES.manifest}

The export's id, when it was made, the stated purpose, k, row counts, what suppression did, and
the SHA-256 of every other file in the archive.
`

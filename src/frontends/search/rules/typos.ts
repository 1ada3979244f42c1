import { MAX_TERM_LENGTH, MIN_TERM_LENGTH } from '../constants'
import { wordsOf } from './query'

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours, the commonest
 * typo), stopping early once it exceeds `max` (returns `max + 1` then).
 */
export const editDistance = (a: string, b: string, max = Infinity): number => {
  const s = [...a]
  const t = [...b]
  if (Math.abs(s.length - t.length) > max) return max + 1
  let previous2: number[] = []
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        value = Math.min(value, previous2[j - 2] + 1)
      current.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > max) return max + 1
    previous2 = previous
    previous = current
  }
  return previous[t.length]
}

/** How many typos a word of this length may carry: none under 4 letters, one up to 7, else two. */
export const allowedTypos = (word: string): number => {
  const length = [...word].length
  return length < 4 ? 0 : length < 8 ? 1 : 2
}

/**
 * The vocabulary word closest to `word` within its allowed typos (fewest edits, then the closest
 * length, then alphabetical, so the choice is stable), or null. A word that is itself in the
 * vocabulary needs no correction (null).
 */
export const closestTerm = (word: string, candidates: readonly string[]): string | null => {
  const max = allowedTypos(word)
  if (max === 0 || candidates.includes(word)) return null
  let best: { term: string; distance: number; lengthGap: number } | null = null
  for (const term of candidates) {
    const distance = editDistance(word, term, max)
    if (distance > max) continue
    const lengthGap = Math.abs(term.length - word.length)
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance &&
        (lengthGap < best.lengthGap || (lengthGap === best.lengthGap && term < best.term)))
    )
      best = { term, distance, lengthGap }
  }
  return best?.term ?? null
}

/**
 * Where the candidates for `word` are looked up: words starting with its first letter, or with
 * its second (the first two swapped), of a length within its allowed typos.
 */
export const candidateRange = (word: string) => {
  const letters = [...word]
  const max = allowedTypos(word)
  return {
    firstLetters: [...new Set(letters.slice(0, 2))],
    minLength: Math.max(MIN_TERM_LENGTH, letters.length - max),
    maxLength: letters.length + max,
  }
}

/** The distinct words of a document kept in the vocabulary (not numbers, not very short or long). */
export const vocabularyOf = (...texts: string[]): string[] => [
  ...new Set(
    texts
      .flatMap(wordsOf)
      .filter(
        (word) =>
          word.length >= MIN_TERM_LENGTH &&
          word.length <= MAX_TERM_LENGTH &&
          !/^\p{N}+$/u.test(word),
      ),
  ),
]

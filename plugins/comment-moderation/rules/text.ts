/** Links a reader could follow: http(s) URLs and bare www. addresses. */
export const countLinks = (text: string): number =>
  (text.match(/\bhttps?:\/\/\S+|\bwww\.[^\s.]+\.\S+/gi) ?? []).length

/** Terms found in a text, whole words, case-insensitive; a term may be several words. */
export const findTerms = (text: string, terms: readonly string[]): string[] => {
  const normalised = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `
  return terms
    .map((term) => term.trim().toLowerCase())
    .filter((term) => term !== '')
    .filter((term) => {
      const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(normalised)
    })
}

/**
 * Wording that suggests someone may be at risk: self-harm, suicide, or a clinical emergency.
 *
 * The lane holds a comment for a person to read first, so a false positive costs a moderator a
 * minute and the author a kind email; a false negative may cost far more. The defaults are phrases,
 * not single words, so everyday idioms ("a stroke of luck", "dying to try", "killer app", "an
 * overdose of meetings") pass, while the ways people actually write about being at risk are caught
 * whatever their punctuation ("can't", "cant", "cannot", "can not"; "self-harm", "self harm").
 * One single word is on the list: "suicidal", which has no everyday second meaning. Bare "suicide"
 * and "overdose" are not, because a healthcare community discusses them professionally ("suicide
 * prevention", "opioid overdose pathway"); their first-person forms are.
 */
export const DEFAULT_SAFEGUARDING_PHRASES: readonly string[] = [
  // Suicide and wanting to die
  'suicidal',
  'kill myself',
  'killing myself',
  'end my life',
  'ending my life',
  'end it all',
  'take my own life',
  'taking my own life',
  'want to die',
  'wanna die',
  'wish I was dead',
  'wish I were dead',
  'better off dead',
  'better off without me',
  'no reason to live',
  'nothing to live for',
  "don't want to live",
  "don't want to be alive",
  "don't want to be here anymore",
  "don't want to be here any more",
  "can't go on",
  "can't cope anymore",
  "can't cope any more",
  'commit suicide',
  'thinking about suicide',
  'suicide note',
  // Self-harm
  'self-harm',
  'self-harming',
  'selfharm',
  'harm myself',
  'harming myself',
  'hurt myself',
  'hurting myself',
  'cut myself',
  'cutting myself',
  'take an overdose',
  'taking an overdose',
  'took an overdose',
  'taken an overdose',
  'overdosed',
  // A clinical emergency happening now
  'chest pain',
  "can't breathe",
  "can't breath",
  'struggling to breathe',
  'not breathing',
  'stopped breathing',
  'having a stroke',
  'stroke symptoms',
  'face drooping',
  'having a heart attack',
  'having a seizure',
  "won't stop bleeding",
  'anaphylaxis',
  'anaphylactic',
]

/**
 * One spelling for a text and for a phrase: lower case, apostrophes dropped ("can't" → "cant"),
 * "cannot"/"can not" → "cant", hyphens and other punctuation → spaces, spaces collapsed, and a
 * space at each end so phrases match whole words only.
 */
export const normaliseForPhrases = (text: string): string => {
  const words = text
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\bcan not\b|\bcannot\b/g, 'cant')
  return ` ${words} `
}

/** The phrases (as given) found in a text: whole words, case-insensitive, punctuation-tolerant. */
export const findSafeguardingPhrases = (text: string, phrases: readonly string[]): string[] => {
  const normalised = normaliseForPhrases(text)
  return phrases.filter((phrase) => {
    const wanted = normaliseForPhrases(phrase)
    return wanted.trim() !== '' && normalised.includes(wanted)
  })
}

/**
 * Wording that suggests someone may be at risk: self-harm, suicide, or a clinical emergency.
 *
 * The lane holds a comment for a person to read first, so a false positive costs a moderator a
 * minute and the author a kind email; a false negative may cost far more. The defaults are phrases,
 * mostly in the first person, never single words: a healthcare community talks about suicide,
 * self-harm, overdoses and chest pain professionally ("suicide prevention strategy", "our self-harm
 * pathway audit", "patients with chest pain should be triaged", "suicidal ideation assessment
 * training"), and everyday idioms ("a stroke of luck", "dying to try", "killer app", "an overdose of
 * meetings") must pass, while the ways people actually write about being at risk are caught whatever
 * their punctuation or contractions ("can't", "cant", "cannot", "can not"; "I'm", "I am";
 * "self-harm", "self harm").
 */
export const DEFAULT_SAFEGUARDING_PHRASES: readonly string[] = [
  // Suicide and wanting to die
  'I feel suicidal',
  'feeling suicidal',
  "I'm suicidal",
  'been suicidal',
  'kill myself',
  'killing myself',
  'hang myself',
  'hanging myself',
  'end my life',
  'ending my life',
  'end it all',
  'ending it all',
  'take my own life',
  'taking my own life',
  'want to die',
  'wanna die',
  'wish I was dead',
  'wish I were dead',
  "wish I wasn't alive",
  "wish I weren't alive",
  'better off dead',
  'better off without me',
  'no reason to live',
  'no point in living',
  'no point living',
  'nothing to live for',
  "don't want to live",
  "don't want to be alive",
  "don't want to be here",
  "can't go on",
  "can't cope anymore",
  "can't cope any more",
  'commit suicide',
  'thinking about suicide',
  'suicide note',
  // Self-harm
  'I self-harm',
  "I'm self-harming",
  'been self-harming',
  'started self-harming',
  'started to self-harm',
  'self-harming again',
  'harm myself',
  'harming myself',
  'hurt myself',
  'hurting myself',
  'cut myself',
  'cutting myself',
  // Overdose
  'take an overdose',
  'taking an overdose',
  'took an overdose',
  'taken an overdose',
  'I overdosed',
  "I've overdosed",
  'just overdosed',
  "I'm overdosing",
  'too many pills',
  'too many tablets',
  'taken too many',
  'took too many',
  // A clinical emergency happening now
  'I have chest pain',
  'I have chest pains',
  "I've got chest pain",
  'having chest pain',
  'having chest pains',
  'my chest hurts',
  "can't breathe",
  "can't breath",
  'struggling to breathe',
  'not breathing',
  'stopped breathing',
  'having a stroke',
  'face drooping',
  'having a heart attack',
  'having a seizure',
  "won't stop bleeding",
  'having an anaphylactic reaction',
  'going into anaphylaxis',
]

/**
 * Contractions, written out: "don't"/"dont"/"do not" all read "do not", "I'm"/"im" read "i am", and
 * so on. Written out rather than contracted so a phrase such as "not breathing" still finds
 * "isn't breathing". Applied after apostrophes are dropped.
 */
const CONTRACTIONS: Record<string, string> = {
  cant: 'can not',
  cannot: 'can not',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  wont: 'will not',
  isnt: 'is not',
  wasnt: 'was not',
  werent: 'were not',
  arent: 'are not',
  im: 'i am',
  ive: 'i have',
}
const CONTRACTION = new RegExp(`\\b(?:${Object.keys(CONTRACTIONS).join('|')})\\b`, 'g')

/**
 * One spelling for a text and for a phrase: lower case, apostrophes dropped ("can't" → "cant"),
 * contractions written out ("cant"/"cannot" → "can not", "im" → "i am"), hyphens and other
 * punctuation → spaces, spaces collapsed, and a space at each end so phrases match whole words only.
 */
export const normaliseForPhrases = (text: string): string => {
  const words = text
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(CONTRACTION, (word) => CONTRACTIONS[word] ?? word)
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

/** JSON that clients send: refused when deeper than any document here, or not an object. */

/** Deeper JSON is refused: no document here nests that far, and recursive walks of it could overflow. */
export const JSON_MAX_DEPTH = 100

/** How deep `value` nests (objects and arrays), walked without recursion. */
export const jsonDepth = (value: unknown): number => {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number]
    if (current === null || typeof current !== 'object') continue
    deepest = Math.max(deepest, depth)
    if (deepest > JSON_MAX_DEPTH) return deepest
    for (const child of Object.values(current))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
  }
  return deepest
}

/** Why a JSON body is refused, or undefined when it is a JSON object of sane depth in valid UTF-8. */
export const jsonBodyProblem = (body: Buffer): string | undefined => {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return 'The request body is not valid UTF-8.'
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return 'The request body is not valid JSON.'
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return 'The request body must be a JSON object.'
  if (jsonDepth(value) > JSON_MAX_DEPTH)
    return `The request body nests deeper than ${JSON_MAX_DEPTH} levels.`
  return undefined
}

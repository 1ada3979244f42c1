import type { Access, AccessArgs, AccessResult, Where } from 'payload'

const isWhere = (result: AccessResult): result is Where =>
  typeof result === 'object' && result !== null

/**
 * Grants access when any rule grants it. `true` wins outright; `Where` results are merged with `or`
 * so the database still filters the rows.
 */
export const or =
  (...rules: Access[]): Access =>
  async (args: AccessArgs) => {
    const wheres: Where[] = []
    for (const rule of rules) {
      const result = await rule(args)
      if (result === true) return true
      if (isWhere(result)) wheres.push(result)
    }
    if (wheres.length === 0) return false
    return wheres.length === 1 ? wheres[0] : { or: wheres }
  }

/** Grants access only when every rule grants it; `Where` results are merged with `and`. */
export const and =
  (...rules: Access[]): Access =>
  async (args: AccessArgs) => {
    const wheres: Where[] = []
    for (const rule of rules) {
      const result = await rule(args)
      if (!result) return false
      if (isWhere(result)) wheres.push(result)
    }
    if (wheres.length === 0) return true
    return wheres.length === 1 ? wheres[0] : { and: wheres }
  }

import { readLimitProblem } from '@/hooks/limitReads'

const LIMITS = { maxLimit: 100, maxDepth: 2 }

describe('readLimitProblem', () => {
  it.each([
    [{}, null],
    [{ limit: 1, depth: 0 }, null],
    [{ limit: 100, depth: 2, pagination: true }, null],
    [{ joins: { history: { limit: 10 } } }, null],
    [{ joins: false }, null],
    [{ limit: 101 }, 'limit'],
    [{ limit: 0 }, 'limit'],
    [{ limit: -1 }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ limit: 'abc' }, 'limit'],
    [{ pagination: false }, 'pagination'],
    [{ pagination: false, limit: 10 }, 'pagination'],
    [{ depth: 3 }, 'depth'],
    [{ depth: -1 }, 'depth'],
    [{ depth: 'x' }, 'depth'],
    [{ joins: { history: { limit: 0 } } }, 'joins'],
    [{ joins: { history: { limit: 1000 } } }, 'joins'],
  ])('%j → %s', (args, field) => {
    expect(readLimitProblem(args, LIMITS)?.field ?? null).toBe(field)
  })

  it('says what is allowed', () => {
    expect(readLimitProblem({ limit: 500 }, LIMITS)?.message).toBe(
      'limit must be a whole number from 1 to 100.',
    )
  })
})

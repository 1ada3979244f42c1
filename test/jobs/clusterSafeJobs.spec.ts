import { isJobClaim } from '../../src/jobs/clusterSafeJobs'

describe('isJobClaim: which adapter updates of jobs are claims to guard', () => {
  const runnable = { and: [{ processing: { equals: false } }] }
  test.each([
    ['runJobs taking runnable jobs', { data: { processing: true }, where: runnable }, true],
    ['a job marked done by id', { id: 7, data: { processing: false, completedAt: 'now' } }, false],
    ['runByID taking one job (already by id)', { id: 7, data: { processing: true } }, false],
    ['a bulk update that is not a claim', { data: { hasError: true }, where: runnable }, false],
  ] as const)('%s → %s', (_name, args, expected) => {
    expect(isJobClaim(args)).toBe(expected)
  })
})

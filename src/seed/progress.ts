import cliProgress from 'cli-progress'

export type SeedProgress = {
  step: (label: string, outcome: 'created' | 'exists') => void
  done: () => void
}

/**
 * A progress bar on a terminal; one line per step otherwise (CI logs, `npm start` under a process
 * manager), so the output stays readable in both.
 */
export const createSeedProgress = (total: number, log: (line: string) => void): SeedProgress => {
  if (!process.stdout.isTTY) {
    let count = 0
    return {
      step: (label, outcome) => log(`[seed] ${++count}/${total} ${label}: ${outcome}`),
      done: () => undefined,
    }
  }
  const bar = new cliProgress.SingleBar(
    { format: '[seed] {bar} {value}/{total} {label}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0, { label: '' })
  return {
    step: (label, outcome) => bar.increment({ label: `${label}: ${outcome}` }),
    done: () => bar.stop(),
  }
}

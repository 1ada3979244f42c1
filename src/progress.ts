import cliProgress from 'cli-progress'

export type Progress = {
  /** One more item done; `detail` says which (shown on a terminal, and in logs). */
  step: (detail?: string) => void
  done: () => void
}

/**
 * A progress bar on a terminal; plain lines otherwise (CI logs, process managers): every item
 * when there are few, every tenth of the way when there are many.
 */
export const createProgress = (
  label: string,
  total: number,
  log: (line: string) => void = console.log,
): Progress => {
  if (!process.stdout.isTTY) {
    let count = 0
    const every = total > 100 ? Math.ceil(total / 10) : 1
    return {
      step: (detail) => {
        count++
        if (count % every === 0 || count === total)
          log(`[${label}] ${count}/${total}${detail ? ` ${detail}` : ''}`)
      },
      done: () => undefined,
    }
  }
  const bar = new cliProgress.SingleBar(
    { format: `[${label}] {bar} {value}/{total} {detail}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0, { detail: '' })
  return {
    step: (detail) => bar.increment({ detail: detail ?? '' }),
    done: () => bar.stop(),
  }
}

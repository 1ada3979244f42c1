/** Types for the benchmarks' shared JavaScript helpers (bench/lib.mjs). */
export declare const machine: () => string
export declare const recordResults: (lines: string[]) => void
export declare const percentile: (sorted: number[], p: number) => number
export declare const root: string
export declare const startServer: (env?: Record<string, string>) => Promise<{
  child: import('node:child_process').ChildProcess
  url: string
  dir: string
  coldStartMs: number
  output: () => string
  stop: () => Promise<void>
}>

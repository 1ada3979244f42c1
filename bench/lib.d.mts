/** Types for the benchmarks' shared JavaScript helpers (bench/lib.mjs). */
export declare const machine: () => string
export declare const recordResults: (lines: string[]) => void
export declare const percentile: (sorted: number[], p: number) => number
export declare const root: string

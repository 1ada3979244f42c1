/** `YYYY-MM` of a timestamp (UTC), or '' when it cannot be read. */
export const monthOf = (at: string): string => {
  const time = new Date(at).getTime()
  return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 7)
}

/** The last day (`YYYY-MM-DD`) of the month `YYYY-MM`. */
export const lastDayOf = (month: string): string => {
  const [year, monthNumber] = month.split('-').map(Number)
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10)
}

/** Every month from `first` to `last` inclusive (`YYYY-MM`), at most `limit` of them (the latest). */
export const monthsBetween = (first: string, last: string, limit = 600): string[] => {
  const months: string[] = []
  const [year, month] = first.split('-').map(Number)
  const cursor = new Date(Date.UTC(year, month - 1, 1))
  for (;;) {
    const current = cursor.toISOString().slice(0, 7)
    if (current > last) break
    months.push(current)
    cursor.setUTCMonth(cursor.getUTCMonth() + 1)
  }
  return months.slice(-limit)
}

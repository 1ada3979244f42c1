/** "waiting 2 h 5 min": how long a held comment has waited, to the minute (at least "1 min"). */
export const waitingLabel = (since: Date, now: Date): string => {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  const parts =
    days > 0
      ? [`${days} d`, ...(hours > 0 ? [`${hours} h`] : [])]
      : hours > 0
        ? [`${hours} h`, ...(rest > 0 ? [`${rest} min`] : [])]
        : [`${Math.max(1, rest)} min`]
  return `waiting ${parts.join(' ')}`
}

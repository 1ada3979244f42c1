import type React from 'react'

/** A bar from 0 to 100 with the status beside it (the list cell and the edit view share it). */
export const ProgressBar: React.FC<{ progress: number; status: string }> = ({
  progress,
  status,
}) => {
  const percent = Math.max(0, Math.min(100, Math.round(progress)))
  return (
    <div
      className="network-export-progress"
      style={{ display: 'flex', alignItems: 'center', gap: 8 }}
    >
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={`Export ${status}`}
        style={{
          width: 120,
          height: 8,
          borderRadius: 4,
          background: 'var(--theme-elevation-150)',
          overflow: 'hidden',
        }}
      >
        <div
          style={{
            width: `${percent}%`,
            height: '100%',
            background: status === 'failed' ? 'var(--theme-error-500)' : 'var(--theme-success-500)',
          }}
        />
      </div>
      <span>
        {status} {status === 'building' ? `${percent}%` : ''}
      </span>
    </div>
  )
}

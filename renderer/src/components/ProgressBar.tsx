/** Progress of long work, shown as a bar and in words. */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="progress">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="progress__track">
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress__text" aria-live="polite">
        {label}: {done} of {total}
      </p>
    </div>
  );
}

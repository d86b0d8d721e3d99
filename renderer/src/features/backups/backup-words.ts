/** "21 Nov 2026, 09:30": when a backup was made, in UK form. */
export function whenMade(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "1.4 MB" */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "every 24 hours" / "every hour" / "off" */
export function scheduleWords(everyHours: number): string {
  if (everyHours === 0) return 'off';
  return everyHours === 1 ? 'every hour' : `every ${everyHours} hours`;
}

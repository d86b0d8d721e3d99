import { useCallback, useState } from 'react';
import type { EventPayload } from '../../../../shared/ipc/contract.ts';
import { useEvent } from '../../app/api-client.ts';

type Progress = EventPayload<'task.progress'>;

/** The latest progress main reports for one of the given tasks; cleared with reset(). */
export function useTaskProgress(tasks: readonly string[]): { progress: Progress | null; reset: () => void } {
  const [progress, setProgress] = useState<Progress | null>(null);
  const key = tasks.join('|');
  useEvent(
    'task.progress',
    useCallback(
      (p: Progress) => {
        if (key.split('|').includes(p.task)) setProgress(p);
      },
      [key],
    ),
  );
  return { progress, reset: useCallback(() => setProgress(null), []) };
}

/** dd/mm/yyyy for an ISO date or the date part of a timestamp */
export function ukDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export function fileName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

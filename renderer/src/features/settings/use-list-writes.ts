import { useState } from 'react';
import { problemOf, type Problem } from './problems.tsx';

export interface SectionProps {
  /** The latest success message for this section, if it was the last thing to succeed */
  notice: string | null;
  /** Show a success message here (and clear any other section's), or clear it with null */
  onNotice: (text: string | null) => void;
  /** Read the lists again after a change */
  onChanged: () => Promise<void>;
}

/**
 * Runs one change to a partnership list: clears old messages, makes the
 * request, reloads the lists and says what happened. A refusal becomes the
 * section's problem (shown in its alert) and is handed back so the form
 * that made it can show field messages beside its fields.
 */
export function useListWrites({ onNotice, onChanged }: Pick<SectionProps, 'onNotice' | 'onChanged'>) {
  const [problem, setProblem] = useState<{ title: string; problem: Problem; from: 'add' | 'list' } | null>(null);

  /** from: 'add' when the section's add form made the request, so its fields show the messages. */
  async function run<T extends { name: string }>(
    title: string,
    request: () => Promise<T>,
    success: (saved: T) => string,
    from: 'add' | 'list' = 'list',
  ): Promise<Problem | null> {
    onNotice(null);
    setProblem(null);
    let saved: T;
    try {
      saved = await request();
    } catch (error) {
      const found = problemOf(error);
      setProblem({ title, problem: found, from });
      return found;
    }
    await onChanged();
    onNotice(success(saved));
    return null;
  }

  /** Messages for the add form's fields, while its refusal is the latest thing that happened here. */
  const addFields = problem?.from === 'add' ? problem.problem.fields : {};
  return { problem, addFields, run };
}

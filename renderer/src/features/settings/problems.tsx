import { Alert } from '../../components/Alert.tsx';
import { ApiError, errorMessage } from '../../app/api-client.ts';

/** What went wrong with a request: one message, and a message for each form field main named. */
export interface Problem {
  message: string;
  fields: Record<string, string>;
}

export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) return { message: error.message, fields: error.fields };
  return { message: errorMessage(error), fields: {} };
}

/**
 * The alert for a refused request. When main named the fields at fault,
 * their messages are listed (they also show beside each field); otherwise
 * its one message is shown.
 */
export function ProblemAlert({ title, problem }: { title: string; problem: Problem | null }) {
  if (!problem) return null;
  const messages = [...new Set(Object.values(problem.fields))];
  return (
    <Alert title={title}>
      {messages.length ? (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : (
        problem.message
      )}
    </Alert>
  );
}

/** "Used by 3 records": how many records refer to an item. */
export function usedBy(count: number): string {
  if (count === 0) return 'Not used yet';
  return `Used by ${count.toLocaleString('en-GB')} ${count === 1 ? 'record' : 'records'}`;
}

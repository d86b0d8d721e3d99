import { useEffect, useRef } from 'react';

/**
 * The problems that stopped a form saving, at the top of the form, each
 * linking to its field. It takes focus when it appears so keyboard and
 * screen reader users land on it.
 */
export function ErrorSummary({ title, errors, idFor }: { title: string; errors: Record<string, string>; idFor: (path: string) => string }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [errors]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <a
              href={`#${idFor(path)}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(idFor(path))?.focus();
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

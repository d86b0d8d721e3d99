import { useId, useState } from 'react';
import { ApiError } from '../app/api-client.ts';

// When the anonymity guard finds the first name of someone in a pseudonym
// register on its own in something to be published, main stops the export
// (NAMES_TO_REVIEW) and lists each place, one per error field ("names.0",
// "names.1", …). A first name may be that person or someone else, so the
// person reviews each place, ticks that they have, and exports again; main
// records in the audit log how many they reviewed, never which.

/** Each place a name was found, in order, from a NAMES_FOUND or NAMES_TO_REVIEW refusal. */
export function namePlacesOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  return Object.entries(error.fields)
    .filter(([key]) => /^names\.\d+$/.test(key))
    .sort(([a], [b]) => Number(a.slice(6)) - Number(b.slice(6)))
    .map(([, line]) => line);
}

/** The first names to review, when this refusal is one (null otherwise). */
export function firstNamesToReviewOf(error: unknown): string[] | null {
  return error instanceof ApiError && error.code === 'NAMES_TO_REVIEW' ? namePlacesOf(error) : null;
}

/** The list of first names found on their own, with the confirm step before the export goes ahead. */
export function NamesToReview({ what, places, busy, onConfirm, onCancel }: { what: string; places: string[]; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const headingId = useId();
  const [reviewed, setReviewed] = useState(false);
  const count = places.length === 1 ? 'one place' : `${places.length} places`;
  return (
    <div className="alert alert--info names-to-review" role="region" aria-labelledby={headingId}>
      <p className="alert__title" id={headingId}>
        Review first names before the {what.toLowerCase()} is saved
      </p>
      <p role="status">
        Not saved yet. The first name of someone in a pseudonym register appears on its own in {count}. These are first names only: each may be that
        person, or someone else with the same name (an officer, say). Where one is that person, change the text to use the pseudonym instead.
      </p>
      <ol className="names-to-review__places">
        {places.map((place, i) => (
          <li key={i}>{place}</li>
        ))}
      </ol>
      <label className="checkbox">
        <input type="checkbox" checked={reviewed} onChange={(e) => setReviewed(e.target.checked)} />
        {places.length === 1
          ? 'I have reviewed this place, and it is not a person from a pseudonym register'
          : `I have reviewed each of these ${places.length} places, and none of them is a person from a pseudonym register`}
      </label>
      <div className="actions">
        <button type="button" className="button" disabled={!reviewed || busy} onClick={onConfirm}>
          Save the {what.toLowerCase()}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

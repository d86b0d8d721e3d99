import { useEffect, useState } from 'react';
import { formatLongDate, formatUkDate } from '../../../../shared/domain/dates.ts';
import { PERSON_ROLE_WORDS, RELATIONSHIP_WORDS, THEME_CATEGORY_WORDS } from '../../../../shared/domain/vocabulary.ts';
import type { RecommendationDetail, RecommendationsForReview } from '../../../../shared/ipc/recommendation-schemas.ts';
import type { AuditEntryView, ReviewDetail } from '../../../../shared/ipc/review-schemas.ts';
import { call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { DraftingPackPanel } from '../drafting/DraftingPackPanel.tsx';
import { RecommendationsPanel } from '../recommendations/RecommendationsPanel.tsx';
import { ClockWarnings, StageBadge } from './StageBadge.tsx';

const when = (iso: string) => {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(d);
  return `${date} ${time}`;
};
const day = (d: string | null) => (d ? formatUkDate(d) : 'Not yet');

export function ReviewPage({
  id,
  onEdit,
  onBack,
  onEditRecommendation,
  onDistricts,
}: {
  id: string;
  onDistricts: (recommendationId: string) => void;
  onEdit: (r: ReviewDetail) => void;
  onBack: () => void;
  onEditRecommendation: (review: RecommendationsForReview['review'], rec: RecommendationDetail | null, number: number) => void;
}) {
  const { lists, settings } = usePartnership();
  const [review, setReview] = useState<ReviewDetail | null>(null);
  const [audit, setAudit] = useState<AuditEntryView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [showNames, setShowNames] = useState(false);

  useEffect(() => {
    Promise.all([call('reviews.get', { id }), call('reviews.audit', { id })]).then(
      ([r, a]) => {
        setReview(r);
        setAudit(a.entries);
      },
      (e) => setError(errorMessage(e)),
    );
  }, [id]);

  if (error) return <Alert title="The review could not be shown">{error}</Alert>;
  if (!review) return <p aria-live="polite">Loading the review…</p>;
  const agency = (agencyId: string | null) => lists.agencies.find((a) => a.id === agencyId)?.name ?? 'Independent';
  const themes = lists.themes.filter((t) => review.themeIds.includes(t.id));
  const { clock } = review;

  return (
    <article className="review-page" aria-labelledby="review-title">
      <p>
        <button type="button" className="button--link" onClick={onBack}>
          Back to reviews
        </button>
      </p>
      <h1 id="review-title">
        {review.reference} <span className="review-page__label">({settings.reviewLabel})</span>
      </h1>
      <p className="lead">
        {review.victimPseudonym} · {review.districtName} · {RELATIONSHIP_WORDS[review.relationship]}
        {review.chairName ? ` · Chair: ${review.chairName}` : ''}
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={() => onEdit(review)}>
          Edit review
        </button>
      </div>

      <section className="panel" aria-labelledby="stage-heading">
        <h2 id="stage-heading">Stage and deadlines</h2>
        <p>
          <StageBadge clock={clock} />
          {clock.stageSince ? <span className="hint"> (since {formatLongDate(clock.stageSince)})</span> : null}
        </p>
        <ClockWarnings clock={clock} />
        <dl className="facts">
          {clock.decisionDue ? (
            <>
              <dt>Decision due by</dt>
              <dd>
                {formatUkDate(clock.decisionDue)} {review.decisionDate ? `(made ${formatUkDate(review.decisionDate)})` : ''}
              </dd>
            </>
          ) : null}
          {clock.completionDue ? (
            <>
              <dt>Report due at the Home Office by</dt>
              <dd>
                {formatUkDate(clock.completionDue)}
                {clock.pausedDays ? ` (includes ${clock.pausedDays} paused days)` : ''}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <RecommendationsPanel reviewId={review.id} onEdit={onEditRecommendation} onDistricts={onDistricts} />

      <DraftingPackPanel reviewId={review.id} onSubmitted={() => call('reviews.get', { id }).then(setReview, (e) => setError(errorMessage(e)))} />

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {review.timeline.length ? (
          <ol className="timeline">
            {review.timeline.map((e, i) => (
              <li key={i}>
                <time dateTime={e.date}>{formatUkDate(e.date)}</time> {e.label}
              </li>
            ))}
          </ol>
        ) : (
          <p>No dates recorded yet.</p>
        )}
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="facts">
          <dt>Date of death</dt>
          <dd>{day(review.dateOfDeath)}</dd>
          <dt>Notification date</dt>
          <dd>{day(review.notificationDate)}</dd>
          <dt>Decision</dt>
          <dd>{review.decision === 'hold' ? 'Hold a review' : review.decision === 'not_hold' ? 'Do not hold a review' : 'Not yet decided'}</dd>
          {review.decision === 'not_hold' ? (
            <>
              <dt>Reasons</dt>
              <dd>{review.decisionReasons}</dd>
            </>
          ) : null}
          <dt>Home Office notified</dt>
          <dd>{day(review.homeOfficeNotifiedDate)}</dd>
          <dt>CSP approval</dt>
          <dd>{day(review.cspApprovalDate)}</dd>
          <dt>Publication</dt>
          <dd>{review.embargoed ? `Embargoed: ${review.embargoReason ?? ''}` : day(review.publicationDate)}</dd>
          <dt>Closed</dt>
          <dd>{day(review.closedDate)}</dd>
          <dt>Involvement of family and friends</dt>
          <dd>{review.familyInvolvement || 'Not recorded'}</dd>
        </dl>
        {review.summary ? <p className="summary">{review.summary}</p> : null}
      </section>

      <section aria-labelledby="register-heading">
        <h2 id="register-heading">Pseudonym register</h2>
        <p className="hint">Real names are held only in this encrypted store, never shown in lists and never exported.</p>
        {review.people.length ? (
          <>
            <button type="button" className="button button--secondary button--small" aria-pressed={showNames} onClick={() => setShowNames((s) => !s)}>
              {showNames ? 'Hide real names' : 'Show real names'}
            </button>
            <ScrollRegion label="Pseudonym register table">
            <table>
              <thead>
                <tr>
                  <th scope="col">Role</th>
                  <th scope="col">Pseudonym</th>
                  <th scope="col">Real name</th>
                </tr>
              </thead>
              <tbody>
                {review.people.map((p, i) => (
                  <tr key={p.id ?? i}>
                    <td>{PERSON_ROLE_WORDS[p.role]}</td>
                    <td>{p.pseudonym}</td>
                    <td>{p.realName ? (showNames ? p.realName : 'Hidden') : 'Not recorded'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </ScrollRegion>
          </>
        ) : (
          <p>No one recorded yet.</p>
        )}
      </section>

      <section aria-labelledby="panel-heading">
        <h2 id="panel-heading">Panel and IMRs</h2>
        <ul>
          {review.panel.map((m, i) => (
            <li key={m.id ?? i}>
              {m.memberName}, {agency(m.agencyId)}
              {m.role ? `, ${m.role}` : ''}
            </li>
          ))}
        </ul>
        {review.imrs.length ? (
          <ScrollRegion label="Individual Management Reviews table">
          <table>
            <caption className="visually-hidden">Individual Management Reviews</caption>
            <thead>
              <tr>
                <th scope="col">IMR agency</th>
                <th scope="col">Requested</th>
                <th scope="col">Received</th>
              </tr>
            </thead>
            <tbody>
              {review.imrs.map((imr, i) => (
                <tr key={imr.id ?? i}>
                  <td>{agency(imr.agencyId)}</td>
                  <td>{day(imr.requestedDate)}</td>
                  <td>{day(imr.receivedDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollRegion>
        ) : (
          <p>No IMRs recorded.</p>
        )}
        {review.pauses.length ? (
          <>
            <h3>Pauses</h3>
            <ul>
              {review.pauses.map((p, i) => (
                <li key={p.id ?? i}>
                  {formatUkDate(p.startDate)} to {p.endDate ? formatUkDate(p.endDate) : 'ongoing'}
                  {p.reason ? `: ${p.reason}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {themes.length ? (
        <section aria-labelledby="themes-heading">
          <h2 id="themes-heading">Themes and flags</h2>
          <ul className="chips">
            {themes.map((t) => (
              <li key={t.id}>
                {t.name} <span className="hint">({THEME_CATEGORY_WORDS[t.category]})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {review.notes ? (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes</h2>
          <p className="summary">{review.notes}</p>
        </section>
      ) : null}

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit log</h2>
        {audit.length === 0 ? <p>No changes have been recorded for this review since it was loaded.</p> : null}
        <ScrollRegion label="Audit log table">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What changed</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((entry) => (
                <tr key={entry.seq}>
                  <td>{when(entry.at)}</td>
                  <td>{entry.actor}</td>
                  <td>
                    {entry.summary}
                    {entry.changes.length ? (
                      <ul className="changes">
                        {entry.changes.map((c, i) => (
                          <li key={i}>
                            <strong>{c.field}</strong>: {c.before ?? '(empty)'} → {c.after ?? '(empty)'}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </article>
  );
}

import { useState } from 'react';
import type { RecommendationsForReview } from '../../../../shared/ipc/recommendation-schemas.ts';
import type { ReviewListQuery } from '../../../../shared/ipc/review-schemas.ts';
import { emptyRecommendation, formFromRecommendation, type RecommendationForm } from '../recommendations/recommendation-form-model.ts';
import { DistrictsPanel } from '../progress/DistrictsPanel.tsx';
import { RecommendationEditor } from '../recommendations/RecommendationEditor.tsx';
import { emptyReview, formFromDetail, type ReviewForm as Form } from './review-form-model.ts';
import { ReviewForm } from './ReviewForm.tsx';
import { ReviewList } from './ReviewList.tsx';
import { ReviewPage } from './ReviewPage.tsx';
import './reviews.css';

type View =
  | { kind: 'list' }
  | { kind: 'review'; id: string }
  | { kind: 'edit'; form: Form; id: string | null }
  | { kind: 'recommendation'; review: RecommendationsForReview['review']; form: RecommendationForm; number: number }
  | { kind: 'districts'; reviewId: string; recommendationId: string };

/** The reviews register: list → review page → edit, keeping the list's filters while you move about. */
export function ReviewsScreen() {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [query, setQuery] = useState<ReviewListQuery>({ sort: 'reference', direction: 'asc' });
  const list = () => setView({ kind: 'list' });

  switch (view.kind) {
    case 'list':
      return <ReviewList query={query} onQuery={setQuery} onOpen={(id) => setView({ kind: 'review', id })} onNew={() => setView({ kind: 'edit', form: emptyReview(), id: null })} />;
    case 'review':
      return (
        <ReviewPage
          key={view.id}
          id={view.id}
          onBack={list}
          onEdit={(r) => setView({ kind: 'edit', form: formFromDetail(r), id: r.id })}
          onDistricts={(recommendationId) => setView({ kind: 'districts', reviewId: view.id, recommendationId })}
          onEditRecommendation={(review, rec, number) =>
            setView({ kind: 'recommendation', review, number, form: rec ? formFromRecommendation(rec) : emptyRecommendation(review.id) })
          }
        />
      );
    case 'districts':
      return <DistrictsPanel recommendationId={view.recommendationId} onBack={() => setView({ kind: 'review', id: view.reviewId })} />;
    case 'recommendation':
      return (
        <RecommendationEditor
          review={view.review}
          initial={view.form}
          number={view.number}
          onSaved={() => setView({ kind: 'review', id: view.review.id })}
          onCancel={() => setView({ kind: 'review', id: view.review.id })}
        />
      );
    case 'edit':
      return (
        <ReviewForm
          initial={view.form}
          isNew={view.id === null}
          onSaved={(r) => setView({ kind: 'review', id: r.id })}
          onCancel={() => (view.id ? setView({ kind: 'review', id: view.id }) : list())}
        />
      );
  }
}

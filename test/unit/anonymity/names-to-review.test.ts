import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/src/app/api-client.ts';
import { firstNamesToReviewOf, namePlacesOf, NamesToReview } from '../../../renderer/src/components/NamesToReview.tsx';

// The confirm step before a publishable export with first names alone goes
// ahead: each place listed, and the save button only after the tick.

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const noop = () => {};

describe('NamesToReview', () => {
  it('reads the places from the refusal in their order, and only for NAMES_TO_REVIEW', () => {
    const fields = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`names.${i}`, `place ${i}`]));
    const error = new ApiError({ code: 'NAMES_TO_REVIEW', message: 'Review them', fields });
    expect(firstNamesToReviewOf(error)).toEqual(Array.from({ length: 12 }, (_, i) => `place ${i}`));
    expect(firstNamesToReviewOf(new ApiError({ code: 'NAMES_FOUND', message: 'Refused', fields }))).toBeNull();
    expect(namePlacesOf(new ApiError({ code: 'INVALID_INPUT', message: 'x', fields: { districtId: 'Choose one' } }))).toEqual([]);
  });

  it('lists each place, says they are first names only, and keeps the save button off until the tick', () => {
    const places = ['Joanna (DHR-FL-2016-01, first name only: check whether it is this person): Body, paragraph 3 — Joanna and Rosalind', 'Rosalind (DHR-EC-2022-01, first name only: check whether it is this person): Body, paragraph 3 — Joanna and Rosalind'];
    const html = renderToStaticMarkup(createElement(NamesToReview, { what: 'Action plan', places, busy: false, onConfirm: noop, onCancel: noop }));
    expect(html).toMatch(/<div class="alert alert--info names-to-review" role="region" aria-labelledby="([^"]+)"><p class="alert__title" id="\1">Review first names before the action plan is saved<\/p>/);
    expect(text(html)).toContain('appears on its own in 2 places. These are first names only');
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(text(html)).toContain(places[0]!);
    expect(html).toMatch(/<label class="checkbox"><input type="checkbox"\/>I have reviewed each of these 2 places, and none of them is a person from a pseudonym register<\/label>/);
    expect(html).toMatch(/<button type="button" class="button" disabled="">Save the action plan<\/button>/);
  });
});

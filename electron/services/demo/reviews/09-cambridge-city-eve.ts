import type { DemoReview } from '../demo-types.ts';

// Fictional review. Decision made and terms of reference agreed; paused since
// February 2026 for criminal proceedings. No recommendations yet.
export const review: DemoReview = {
  reference: 'DHR-CC-2025-01',
  district: 'Cambridge City',
  relationship: 'intimate_partner',
  victimPseudonym: 'Eve',
  dateOfDeath: '2025-11-29',
  notificationDate: '2025-12-03',
  decisionDate: '2025-12-17',
  homeOfficeNotifiedDate: '2025-12-22',
  chair: 'Hugh Satterthwaite',
  termsOfReferenceDate: '2026-01-27',
  panel: [
    { agency: 'Cambridgeshire Constabulary', member: 'DCI Simon Pellew', role: 'Major Crime Review Team' },
    { agency: 'Cambridge City Council', member: 'Keith Pardoe', role: 'Housing Services Manager' },
    { agency: 'Cambridge University Hospitals (CUH)', member: 'Claire Mortimer-Rhodes', role: 'Head of Safeguarding' },
    { agency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)', member: 'Sian Colquhoun', role: 'Head of Safeguarding' },
    { agency: "Cambridge Women's Aid", member: 'Becky Hollins', role: 'Chief Executive' },
    { agency: 'DASV Partnership', member: 'Tessa Whitcombe', role: 'DHR Coordinator' },
  ],
  imrs: [
    { agency: 'Cambridgeshire Constabulary', requested: '2026-02-02' },
    { agency: 'Cambridge University Hospitals (CUH)', requested: '2026-02-02' },
    { agency: 'GP practices', requested: '2026-02-02' },
    { agency: 'Cambridge City Council', requested: '2026-02-02' },
    { agency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)', requested: '2026-02-02' },
  ],
  pauses: [
    {
      start: '2026-02-09',
      reason:
        'Paused at the request of the Senior Investigating Officer and the Crown Prosecution Service: the perpetrator has been charged with murder and the trial is listed for March 2027. Agencies have been asked to secure their records.',
    },
  ],
  qaSubmissions: [],
  themes: ['Intimate partner', 'Physical abuse'],
  people: [
    { role: 'victim', pseudonym: 'Eve', realName: 'Natasha Blenkiron' },
    { role: 'perpetrator', pseudonym: 'Connor', realName: 'Darius Pennefather' },
  ],
  summary:
    'Eve, aged 31, died from injuries sustained at her flat in Cambridge in November 2025. Her partner, Connor, has been charged with her murder. The panel has agreed terms of reference and requested chronologies, and the review is paused until the criminal trial concludes.',
  recommendations: [],
};

import type { DemoReview } from '../demo-types.ts';

// Fictional review. Notified in October 2026; decision made, panel formed and
// IMRs requested. No recommendations yet.
export const review: DemoReview = {
  reference: 'DHR-EC-2026-01',
  district: 'East Cambridgeshire',
  relationship: 'intimate_partner',
  victimPseudonym: 'Adult A',
  dateOfDeath: '2026-09-27',
  notificationDate: '2026-10-02',
  decisionDate: '2026-10-21',
  homeOfficeNotifiedDate: '2026-10-26',
  chair: 'Dr Imogen Farquharson',
  termsOfReferenceDate: '2026-11-10',
  panel: [
    { agency: 'Cambridgeshire Constabulary', member: 'DI Karen Wolstenholme', role: 'Safeguarding Review Lead' },
    { agency: 'East Cambridgeshire District Council', member: 'Lorna Fairbrass', role: 'Community Safety Officer' },
    { agency: 'Cambridgeshire and Peterborough Integrated Care Board', member: 'Dr Owen Threlfall', role: 'Designated Doctor for Safeguarding' },
    { agency: 'IDVA service', member: 'Lindsey Farrant', role: 'IDVA Service Manager' },
    { agency: 'DASV Partnership', member: 'Tessa Whitcombe', role: 'DHR Coordinator' },
  ],
  imrs: [
    { agency: 'Cambridgeshire Constabulary', requested: '2026-11-16' },
    { agency: 'GP practices', requested: '2026-11-16' },
    { agency: 'East Cambridgeshire District Council', requested: '2026-11-16' },
    { agency: 'Cambridge University Hospitals (CUH)', requested: '2026-11-16' },
  ],
  pauses: [],
  qaSubmissions: [],
  themes: ['Intimate partner', 'Alcohol'],
  people: [
    { role: 'victim', pseudonym: 'Adult A', realName: 'Carys Huddlestone' },
    { role: 'perpetrator', pseudonym: 'Adult B', realName: 'Lee Huddlestone' },
  ],
  summary:
    'Adult A, aged 58, died at the home she shared with her husband, Adult B, in East Cambridgeshire in September 2026. Adult B has been arrested and released on bail while the investigation continues. Both were known to local services in connection with alcohol use. The panel met for the first time in November 2026 and has requested IMRs.',
  recommendations: [],
};

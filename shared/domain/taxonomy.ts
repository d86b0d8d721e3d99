import type { ThemeCategory } from './vocabulary.ts';

/**
 * The default themes taxonomy (DOMAIN.md, from the needs assessment and the
 * Home Office DHR Library filters). Partnerships extend it; these are only
 * the rows a new store starts with.
 */
export const DEFAULT_THEMES: ReadonlyArray<{ category: ThemeCategory; name: string }> = [
  ...[
    'Record keeping',
    'Risk assessment',
    'Identification and understanding of domestic violence',
    'Organisational policy',
    'Competence, knowledge and skills',
    'Multi-agency work',
    'Referrals',
    'Training',
  ].map((name) => ({ category: 'home_office_theme' as const, name })),
  ...[
    'Risk identification and assessment',
    'Reassessment at critical points',
    'Perpetrator risk',
    'MARAC responsibilities',
    'Public awareness',
    'Linking child and perpetrator records',
    'Information sharing',
    'Policies',
    'Complex cases',
  ].map((name) => ({ category: 'practice_issue' as const, name })),
  ...['Intimate partner', 'Familial', 'Parricide', 'Homicide-suicide'].map((name) => ({
    category: 'relationship' as const,
    name,
  })),
  ...['Coercive control', 'Economic abuse', 'Emotional abuse', 'Physical abuse', 'Sexual abuse', 'Stalking'].map(
    (name) => ({ category: 'abuse_type' as const, name }),
  ),
  ...['Children present', 'Separation', 'Forced marriage', 'Victim suicide'].map((name) => ({
    category: 'circumstance' as const,
    name,
  })),
  ...['Alcohol', 'Substance misuse', 'Mental health', 'Housing', 'Disability', 'Neurodiversity', 'Pregnancy'].map((name) => ({
    category: 'vulnerability' as const,
    name,
  })),
];

// The demo partnership, modelled on the one in the team's seed documents.
// Organisations are public bodies; every person and every case is fictional.

export const DEMO_PARTNERSHIP_NAME = 'Cambridgeshire & Peterborough Domestic Abuse and Sexual Violence Partnership';

export const DEMO_DISTRICTS = [
  { name: 'Cambridge City', shortName: 'CC' },
  { name: 'East Cambridgeshire', shortName: 'EC' },
  { name: 'Fenland', shortName: 'FL' },
  { name: 'Huntingdonshire', shortName: 'HU' },
  { name: 'South Cambridgeshire', shortName: 'SC' },
  { name: 'Peterborough', shortName: 'PB' },
] as const;
export type DemoDistrictName = (typeof DEMO_DISTRICTS)[number]['name'];

export const DEMO_LOCAL_AGENCIES = [
  'Cambridgeshire Constabulary',
  "Cambridgeshire County Council Children's Services",
  'Cambridgeshire County Council Adult Social Care',
  'Peterborough City Council',
  'Cambridge City Council',
  'East Cambridgeshire District Council',
  'Fenland District Council',
  'Huntingdonshire District Council',
  'South Cambridgeshire District Council',
  'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)',
  'Cambridge University Hospitals (CUH)',
  'North West Anglia NHS Foundation Trust (NWAFT)',
  'Cambridgeshire and Peterborough Integrated Care Board',
  'GP practices',
  'National Probation Service',
  'IDVA service',
  "Cambridge Women's Aid",
  "Peterborough Women's Aid",
  'Refuge',
  'Cambridge & Peterborough Rape Crisis Partnership',
  'CGL (drug and alcohol service)',
  'Aspire (drug and alcohol service)',
  'Housing providers',
  'Office of the Police and Crime Commissioner (OPCC)',
  'Cambridgeshire Fire and Rescue Service',
  'Schools',
  'MARAC',
  'DASV Partnership',
] as const;

export const DEMO_NATIONAL_BODIES = [
  'Home Office',
  'Department of Health and Social Care',
  'Department for Education',
  'Ministry of Justice',
  'Department for Work and Pensions',
  'Ministry of Housing, Communities and Local Government',
  'NHS England',
] as const;

export type DemoAgencyName = (typeof DEMO_LOCAL_AGENCIES)[number] | (typeof DEMO_NATIONAL_BODIES)[number];

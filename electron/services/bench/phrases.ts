// Phrase banks for the benchmark's synthetic partnerships. Everything here
// is invented: place names, people and cases are fictional. Recommendations
// are composed from a core "ask" (the kind of recommendation reviews make
// again and again), a subject, a measurable clause and a deadline, so
// full-text search and the similarity measure see realistic variety, and
// recommendations built on the same core recur across reviews as real ones do.

/** Invented place names for districts; a partnership takes a run of them. */
export const PLACES = [
  'Ashcombe', 'Brackenford', 'Callowmere', 'Dunholt', 'Elverton', 'Fallowfield', 'Greyhaven', 'Harrowdale', 'Ivybridge Vale', 'Juniper Reach',
  'Kestrelby', 'Larkhollow', 'Marlstone', 'Netherwick', 'Oakmoor', 'Pennyfold', 'Quarrington', 'Ravensholt', 'Saltmarsh', 'Thornleigh',
  'Underbarrow', 'Valebrook', 'Wrenfield', 'Yarrowby', 'Alderwick', 'Birchcombe', 'Coldharbour Fen', 'Dovecote', 'Emberton', 'Foxhollow',
  'Gorsebrook', 'Hazelmere', 'Ironbridge Moor', 'Kingsmead', 'Lowther Cross', 'Millbrook', 'Northwold', 'Otterburn Vale', 'Pikeston', 'Redmarley',
  'Sedgefold', 'Tamberley', 'Upwood Heath', 'Westerleigh', 'Yewcroft', 'Amberleigh', 'Bramblecote', 'Cindermoor',
] as const;

/** Invented counties or areas, one per partnership. */
export const AREAS = ['Wessmoor', 'Northmarch', 'Eastholme', 'Southwold Downs', 'Westvale', 'Midfen'] as const;

/** Local agencies of a partnership, with {area} for its name. */
export const LOCAL_AGENCY_TEMPLATES = [
  '{area} Constabulary',
  "{area} County Council Children's Services",
  '{area} County Council Adult Social Care',
  '{area} NHS Foundation Trust (mental health)',
  '{area} University Hospitals',
  '{area} Integrated Care Board',
  '{area} GP practices',
  '{area} Probation Delivery Unit',
  '{area} IDVA service',
  "{area} Women's Aid",
  '{area} drug and alcohol service',
  '{area} housing providers',
  '{area} Fire and Rescue Service',
  '{area} schools',
  '{area} MARAC',
  '{area} DASV Partnership',
  'Office of the {area} Police and Crime Commissioner',
] as const;

export const NATIONAL_BODIES = [
  'Home Office',
  'Department of Health and Social Care',
  'Department for Education',
  'Ministry of Justice',
  'Department for Work and Pensions',
  'Ministry of Housing, Communities and Local Government',
  'NHS England',
] as const;

/**
 * The core asks. Each has several wordings of what should happen; `agency`
 * indexes LOCAL_AGENCY_TEMPLATES for who is usually asked.
 */
export const CORE_ASKS: ReadonlyArray<{ agency: number; asks: readonly string[]; theme: string }> = [
  { agency: 0, theme: 'Risk assessment', asks: ['review how DASH risk assessments are completed when officers attend domestic incidents, so that coercive control is identified', 'ensure officers complete a DASH risk assessment at every domestic abuse incident and record the reasons when the victim declines', 'improve the quality of DASH risk assessments by supervisors checking every high-risk assessment within 24 hours'] },
  { agency: 0, theme: 'Coercive control', asks: ['train response officers to recognise coercive and controlling behaviour and to record it as a crime', 'introduce a coercive control checklist for officers attending repeat domestic incidents', 'review how reports of stalking and coercive control by former partners are investigated'] },
  { agency: 3, theme: 'Mental health', asks: ['ensure that when a family member reports violence or threats by a patient this is recorded as a risk event and the care plan is reviewed', 'routinely ask patients about domestic abuse during mental health assessments and record the answer', 'include carers and family members in risk assessments before a patient is discharged from inpatient care'] },
  { agency: 5, theme: 'Identification and understanding of domestic violence', asks: ['ensure GP practices routinely enquire about domestic abuse when patients present with injuries, anxiety or repeated appointments', 'commission domestic abuse training for every GP practice, including how to refer to the IDVA service', 'introduce a flag on GP records for patients known to be at risk of domestic abuse'] },
  { agency: 1, theme: 'Linking child and perpetrator records', asks: ['link the records of children with the records of adults who pose a risk of domestic abuse in the household', 'ensure that referrals about children living with domestic abuse trigger a check of the perpetrator\'s history', 'review how information about a parent\'s new partner is gathered and assessed in child protection work'] },
  { agency: 2, theme: 'Multi-agency work', asks: ['ensure that adult safeguarding enquiries consider whether the risk comes from a family member or carer', 'review how self-neglect and carer stress are assessed when domestic abuse may be present', 'train adult social care staff in recognising economic abuse by family members'] },
  { agency: 14, theme: 'MARAC responsibilities', asks: ['review MARAC referral thresholds so that repeat victims are referred whatever their risk score', 'ensure every agency attending MARAC completes its actions within the agreed timescale and records them', 'audit MARAC actions to check that each agency has completed them and reported back'] },
  { agency: 8, theme: 'Referrals', asks: ['ensure that every high-risk victim is offered an IDVA within one working day of referral', 'review how the IDVA service keeps in contact with victims who do not respond to the first call', 'extend IDVA provision to hospital emergency departments'] },
  { agency: 11, theme: 'Housing', asks: ['ensure housing officers ask about domestic abuse when a tenant requests a move or reports damage to the property', 'introduce a domestic abuse housing policy with a named lead and a route to refer to specialist services', 'review how homelessness applications from victims of domestic abuse are assessed and prioritised'] },
  { agency: 10, theme: 'Substance misuse', asks: ['ensure drug and alcohol workers ask every client about domestic abuse, as victim or perpetrator, at assessment and review', 'share information with the police and the IDVA service when a client discloses domestic abuse', 'develop joint working between drug and alcohol services and mental health services for clients with both needs'] },
  { agency: 7, theme: 'Perpetrator risk', asks: ['ensure probation officers check police call-outs before assessing the risk a perpetrator poses to a new partner', 'review how perpetrator programmes are offered and how attendance is monitored', 'complete home visits before a perpetrator is released to live with a partner'] },
  { agency: 15, theme: 'Information sharing', asks: ['develop an information sharing agreement so that agencies can share concerns about domestic abuse without consent when the risk is high', 'publish guidance on sharing information about domestic abuse between health, police and social care', 'create a single point of contact in each agency for information sharing about domestic abuse'] },
  { agency: 15, theme: 'Public awareness', asks: ['run a public awareness campaign about coercive control aimed at family members, friends and neighbours', 'publicise the Domestic Violence Disclosure Scheme to the public and to professionals', 'raise awareness of domestic abuse among older people and their carers'] },
  { agency: 15, theme: 'Training', asks: ['deliver multi-agency training on domestic abuse, coercive control and risk assessment to front-line staff', 'include learning from this review in the multi-agency training programme', 'develop a training module on domestic abuse and suicide for front-line practitioners'] },
  { agency: 4, theme: 'Identification and understanding of domestic violence', asks: ['introduce routine enquiry about domestic abuse in the emergency department and maternity services', 'place a hospital IDVA in the emergency department to support patients who disclose domestic abuse', 'ensure that injuries consistent with domestic abuse are recorded and followed up with a referral'] },
  { agency: 13, theme: 'Identification and understanding of domestic violence', asks: ['provide education on healthy relationships and consent in every secondary school', 'ensure designated safeguarding leads receive training on domestic abuse and its effects on children', 'share Operation Encompass notifications with schools before the start of the next school day'] },
  { agency: 12, theme: 'Public awareness', asks: ['include questions about domestic abuse in home fire safety visits', 'train fire crews to recognise signs of domestic abuse and hoarding during home visits', 'make referrals to the IDVA service when fire safety visits find signs of domestic abuse'] },
  { agency: 15, theme: 'Record keeping', asks: ['audit how agencies record domestic abuse so that repeat incidents are visible to practitioners', 'introduce a common way of recording domestic abuse across partner agencies', 'ensure records show the relationship between the victim and the alleged perpetrator'] },
  { agency: 15, theme: 'Organisational policy', asks: ['review domestic abuse policies in every partner agency so that they cover coercive control, economic abuse and stalking', 'adopt a workplace domestic abuse policy for staff who are victims of domestic abuse', 'update safeguarding policies to include domestic abuse related suicide'] },
  { agency: 15, theme: 'Victim suicide', asks: ['ensure suicide prevention plans recognise domestic abuse as a risk factor', 'develop a pathway so that suicides linked to domestic abuse are considered for a review', 'train mental health crisis teams to ask about domestic abuse when assessing suicide risk'] },
  { agency: 6, theme: 'Pregnancy', asks: ['ensure midwives ask about domestic abuse at every antenatal appointment when the woman is seen alone', 'review how health visitors share concerns about domestic abuse with the GP and children\'s services', 'provide a specialist domestic abuse midwife in each maternity unit'] },
  { agency: 9, theme: 'Economic abuse', asks: ['develop support for victims of economic abuse, including advice on debt and benefits', 'train housing and benefits staff to recognise economic abuse and refer to specialist support', 'work with banks and advice services to identify economic abuse early'] },
  { agency: 16, theme: 'Complex cases', asks: ['commission a specialist service for victims with multiple and complex needs', 'establish a multi-agency panel for high-risk cases that do not meet other thresholds', 'review commissioning so that victims with mental health and substance misuse needs can use refuge services'] },
  { agency: 0, theme: 'Stalking', asks: ['ensure stalking is recognised and recorded at the first report, using the stalking screening tool', 'train call handlers to identify stalking and harassment by former partners', 'refer stalking victims to a specialist stalking advocate'] },
];

/** How an ask is introduced: {agency} is replaced by the addressee's name. */
export const OPENINGS = ['{agency} should', '{agency} must', 'It is recommended that {agency}', '{agency}, working with partners, should', 'The partnership recommends that {agency}'] as const;

/** Who or where the ask is about, added to many recommendations. */
export const FOCUS = [
  'for older victims', 'for male victims', 'for victims from minoritised communities', 'for young people aged 16 to 24', 'for disabled victims',
  'in rural areas', 'where there are children in the household', 'for victims who have recently separated', 'for victims with no recourse to public funds',
  'for LGBT+ victims', 'where the perpetrator is an adult child', 'for victims who are carers', '', '', '',
] as const;

/** Detail clauses, added to some recommendations. */
export const DETAILS = [
  'including how to ask safely when the victim is seen alone',
  'including escalation to a manager when concerns are repeated',
  'including the use of interpreters who are not family members',
  'including cases where the victim declines support',
  'including economic abuse and control of money',
  'including non-fatal strangulation',
  'including what to do out of hours',
  '', '', '',
] as const;

/** Measurable clauses, added to most recommendations. */
export const MEASURES = [
  'and audit a sample of cases to show the change has been made',
  'and report progress to the Community Safety Partnership board',
  'with compliance monitored through quarterly audit',
  'and evidence the change through a re-audit of case records',
  'so that practitioners can show how the learning has changed their practice',
  'and report the number of staff trained each quarter',
  'and measure how many cases are identified before and after the change',
  'with a named lead responsible for delivery',
  'and seek feedback from victims and survivors on the difference it makes',
  'and share the findings with the DHR group',
] as const;

/** Time-bound clauses. */
export const DEADLINES = ['within six months', 'within twelve months', 'by the end of the financial year', 'within three months of publication', 'within 18 months', 'before the next annual review', ''] as const;

/** Findings that led to a recommendation: {victim} is the review's pseudonym. */
export const FINDINGS = [
  '{victim} told several professionals about abuse, but no agency shared what it knew with the others.',
  'Risk was assessed as standard although there were repeated incidents and escalating threats.',
  '{victim} was not asked about domestic abuse when seen alone on several occasions.',
  'The perpetrator\'s history with previous partners was not known to the agencies working with {victim}.',
  'Referrals were made but closed when {victim} could not be contacted.',
  'Family members reported concerns but were not told how to seek help.',
  'Agencies treated the incidents as mental health crises rather than domestic abuse.',
  'Records did not link the children in the household to the adult who posed a risk.',
  'The MARAC actions were not completed and nobody checked that they had been.',
  '{victim}\'s financial dependence on the perpetrator was not recognised as economic abuse.',
] as const;

export const OUTCOMES = [
  'Victims are identified earlier and referred to specialist support.',
  'Practitioners recognise coercive control and act on it.',
  'Agencies share information quickly when the risk is high.',
  'Risk assessments reflect the history of abuse, not only the latest incident.',
  'Families know how to report concerns and are listened to.',
  'Children living with domestic abuse are seen and protected.',
] as const;

export const ACTION_VERBS = [
  'Review and amend the policy on', 'Deliver briefings to front-line staff on', 'Audit a sample of records for', 'Commission training on',
  'Appoint a named lead for', 'Report to the CSP board on', 'Develop guidance on', 'Publish a practice note on',
] as const;

export const MILESTONES = [
  'Policy drafted; consultation with staff; approval by the board.',
  'Training designed; first cohort trained; evaluation completed.',
  'Audit tool agreed; audit completed; findings reported.',
  'Lead appointed; plan agreed; first report to the board.',
] as const;

export const PROGRESS_NOTES = {
  not_started: ['Awaiting allocation to a lead officer.', 'Not yet started; scheduled for the next quarter.', 'Included in the work plan; no progress to report yet.'],
  early_stage: ['Scoping meeting held with partners; draft plan circulated.', 'Lead officer appointed and initial audit under way.', 'Draft policy prepared and out for consultation.'],
  on_track: ['Training delivered to two cohorts; further dates booked.', 'Policy approved and briefing sessions under way.', 'Audit completed; actions agreed and being delivered.'],
  blocked: ['Progress delayed by staff vacancies in the lead team.', 'Awaiting agreement on funding from commissioners.', 'Information sharing agreement not yet signed by all partners.'],
  complete: ['Completed: policy in place and audited.', 'Completed: training delivered to all front-line staff and evaluated.', 'Completed: evidence provided to the DHR group.'],
  complete_late: ['Completed after the target date; delayed by restructuring.', 'Completed late: audit finished and reported to the board.'],
  not_implemented: ['Not implemented.\n\nReason not implemented: superseded by a national programme.', 'Not implemented.\n\nReason not implemented: the service has been decommissioned.'],
} as const;

export const NOT_APPLICABLE_REASONS = [
  'The service named is not commissioned in this district.',
  'This district has no hospital emergency department.',
  'The recommendation is addressed to an agency that does not operate here.',
  'Covered by a national recommendation the district cannot act on alone.',
] as const;

export const ALREADY_IN_PLACE_EVIDENCE = [
  'Routine enquiry has been in place since 2019; audited annually.',
  'The district adopted this policy after an earlier review; last audit showed full compliance.',
  'Existing multi-agency training already covers this; attendance records held by the CSP.',
  'A named lead has been in post since 2020 and reports quarterly.',
] as const;

export const FIRST_NAMES = ['Alys', 'Bethan', 'Carys', 'Delyth', 'Elin', 'Ffion', 'Gwen', 'Hana', 'Ines', 'Joanna', 'Keira', 'Lowri', 'Maud', 'Nerys', 'Olwen', 'Petra', 'Rhian', 'Sabine', 'Tamsin', 'Una', 'Vesna', 'Wren', 'Yasmin', 'Zelda'] as const;
export const OFFICER_FIRST = ['Aled', 'Bronwen', 'Ciaran', 'Dilys', 'Emrys', 'Freya', 'Gethin', 'Hollis', 'Isla', 'Jory', 'Kit', 'Linnea', 'Morwenna', 'Niall', 'Orla', 'Piran'] as const;
export const SURNAMES = ['Abernethy', 'Blackmore', 'Carrow', 'Dunstable', 'Everleigh', 'Fairweather', 'Gillingham', 'Hollowell', 'Ingram', 'Jessop', 'Kettleby', 'Lanyon', 'Merriman', 'Northcott', 'Oakley', 'Penhaligon', 'Quennell', 'Rowntree', 'Stainsby', 'Tregear', 'Upjohn', 'Vosper', 'Winterbourne', 'Yeoland'] as const;

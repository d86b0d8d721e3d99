import type { DemoReview } from '../demo-types.ts';

// Fictional review at draft report stage: the recommendations are the chair's
// draft, not yet approved by the CSP.
export const review: DemoReview = {
  reference: 'DHR-HU-2024-01',
  district: 'Huntingdonshire',
  relationship: 'intimate_partner',
  victimPseudonym: 'Mira',
  dateOfDeath: '2024-10-27',
  notificationDate: '2024-10-31',
  decisionDate: '2024-11-21',
  homeOfficeNotifiedDate: '2024-11-26',
  chair: 'Rowena Calloway',
  termsOfReferenceDate: '2025-01-28',
  panel: [
    { agency: 'Cambridgeshire Constabulary', member: 'DI Karen Wolstenholme', role: 'Safeguarding Review Lead' },
    { agency: 'Huntingdonshire District Council', member: 'Claire Denholm', role: 'Community Safety Partnership Manager' },
    { agency: 'Cambridgeshire and Peterborough Integrated Care Board', member: 'Dr Rachel Ingleby', role: 'Named GP for Safeguarding' },
    { agency: 'North West Anglia NHS Foundation Trust (NWAFT)', member: 'Bernadette Cullinane', role: 'Named Nurse for Adult Safeguarding' },
    { agency: 'Refuge', member: 'Yasmin Chaudhry', role: 'Regional Service Manager' },
    { agency: 'MARAC', member: 'Debbie Stroud', role: 'MARAC Coordinator' },
    { agency: 'DASV Partnership', member: 'Tessa Whitcombe', role: 'DHR Coordinator' },
  ],
  imrs: [
    { agency: 'Cambridgeshire Constabulary', requested: '2025-02-03', received: '2025-05-30' },
    { agency: 'GP practices', requested: '2025-02-03', received: '2025-04-11' },
    { agency: 'Refuge', requested: '2025-02-03', received: '2025-04-25' },
    { agency: 'North West Anglia NHS Foundation Trust (NWAFT)', requested: '2025-02-03', received: '2025-07-04' },
  ],
  pauses: [],
  draftReportDate: '2026-07-13',
  familyConsultedDate: '2026-09-10',
  qaSubmissions: [],
  themes: [
    'Intimate partner',
    'Coercive control',
    'Separation',
    'Economic abuse',
    'Emotional abuse',
    'Identification and understanding of domestic violence',
  ],
  people: [
    { role: 'victim', pseudonym: 'Mira', realName: 'Leonie Hartswood' },
    { role: 'perpetrator', pseudonym: 'Tom', realName: 'Gavin Ashplant' },
    { role: 'family', pseudonym: 'Daughter', realName: 'Chloe Ashplant' },
    { role: 'friend', pseudonym: 'Friend 2', realName: 'Sadie Crommelin' },
  ],
  summary:
    "Mira, aged 45, was killed by her husband Tom, aged 47, at their home in Huntingdonshire in October 2024, the day after she told him she had seen a solicitor about a divorce. Tom had no criminal record, but Mira's family and Friend 2 described more than twenty years of control over her money, phone and friendships. Mira had told a practice nurse that Tom checked her phone, and Tom had seen his GP in distress about the marriage a week before her death.",
  recommendations: [
    {
      text: 'Cambridgeshire and Peterborough Integrated Care Board should extend its GP domestic abuse training and advocacy programme to practice nurses and healthcare assistants in all Huntingdonshire practices by March 2028, so that every clinician who sees patients alone is trained to ask about domestic abuse and knows how to refer.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough Integrated Care Board', 'GP practices'],
      finding:
        "Mira told a practice nurse during a routine review that her husband 'checks my phone and my bank account'. The nurse had not been trained in domestic abuse and did not ask further questions or tell the GP.",
      expectedOutcome: 'Every clinician who sees patients alone can recognise and respond to a disclosure of coercive control.',
      themes: ['Identification and understanding of domestic violence', 'Training', 'Coercive control'],
      actions: [
        {
          action: 'Include practice nurses and healthcare assistants in the next phase of the GP programme in Huntingdonshire.',
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Draft action; to be agreed with the ICB.',
          targetDate: '2028-03-31',
        },
      ],
    },
    {
      text: 'The DASV Partnership should work with family law solicitors in Cambridgeshire to agree, by December 2027, guidance and a referral pathway so that solicitors recognise coercive control, understand the heightened risk at separation, and refer clients to the IDVA service or a specialist service with their consent.',
      scope: 'local',
      addressedTo: ['DASV Partnership'],
      finding:
        "Mira's solicitor noted that she was 'very anxious about Tom's reaction' but had no guidance on domestic abuse risk and did not suggest any safety planning before the divorce was raised.",
      expectedOutcome: 'Clients telling a solicitor they plan to separate from a controlling partner are offered safety planning.',
      themes: ['Separation', 'Coercive control', 'Reassessment at critical points', 'Referrals'],
      actions: [
        {
          action: 'Convene a working group with local family law firms and Resolution members to produce guidance and a referral pathway.',
          leadAgency: 'DASV Partnership',
          milestones: 'Draft action.',
          targetDate: '2027-12-31',
        },
      ],
    },
    {
      text: 'The MARAC should ensure that research for every case includes the GP practice and the acute hospital trust of the victim and the perpetrator, and that agencies share all relevant information before the meeting, with non-response recorded and escalated to the MARAC chair.',
      scope: 'multi_agency',
      addressedTo: ['MARAC', 'Cambridgeshire and Peterborough Integrated Care Board', 'North West Anglia NHS Foundation Trust (NWAFT)'],
      finding:
        "Mira was discussed at MARAC in 2022 after a police referral. Neither her GP practice nor the hospital where she had been treated for a wrist injury was asked for information, and the MARAC action plan was based on police information alone.",
      expectedOutcome: 'MARAC plans are based on all the information agencies hold.',
      themes: ['MARAC responsibilities', 'Information sharing', 'Multi-agency work'],
      actions: [
        {
          action: 'Amend the MARAC operating protocol so that GP and acute trust research is requested for every case, with a non-response log.',
          leadAgency: 'MARAC',
          milestones: 'Draft action; to be agreed at the MARAC steering group.',
          targetDate: '2027-06-30',
        },
      ],
    },
    {
      text: 'The DASV Partnership should launch a workplace domestic abuse scheme by September 2027 that supports employers in Huntingdonshire to adopt a domestic abuse policy and train managers, with a target of 50 employers signed up within a year of launch.',
      scope: 'local',
      addressedTo: ['DASV Partnership', 'Huntingdonshire District Council'],
      finding:
        "Mira's manager noticed that Tom telephoned her many times a day at work and that she was frightened to be late home, but did not know what to do.",
      expectedOutcome: 'Employers recognise domestic abuse affecting staff and know how to respond.',
      themes: ['Public awareness', 'Coercive control'],
      actions: [
        {
          action: 'Design and launch the workplace scheme with the district council and local business networks.',
          leadAgency: 'DASV Partnership',
          milestones: 'Draft action.',
          targetDate: '2027-09-30',
        },
      ],
    },
    {
      text: 'Cambridgeshire Constabulary should ensure that officers attending domestic incidents where no physical violence is reported consider whether the behaviour described amounts to controlling or coercive behaviour under section 76 of the Serious Crime Act 2015, and should audit 100 "verbal only" incidents by June 2027.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire Constabulary'],
      finding:
        "Police were called to the home in 2022 after Mira was heard screaming. The incident was recorded as a 'verbal argument' although Mira described Tom taking her phone and car keys and preventing her leaving.",
      expectedOutcome: 'Officers recognise coercive control in incidents without physical violence and record and investigate it.',
      themes: ['Coercive control', 'Identification and understanding of domestic violence', 'Competence, knowledge and skills'],
      actions: [
        {
          action: 'Audit 100 domestic incidents recorded as verbal only, and brief officers on the findings.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Draft action.',
          targetDate: '2027-06-30',
        },
      ],
    },
    // Deliberately weak: "continue to raise awareness", no measure.
    {
      text: 'The Home Office should continue to raise awareness of coercive control.',
      scope: 'national',
      addressedTo: ['Home Office'],
      finding: "Mira's family did not recognise her husband's behaviour as abuse until after her death.",
      expectedOutcome: 'Greater public understanding of coercive control.',
      themes: ['Public awareness', 'Coercive control'],
      actions: [
        {
          action: 'Huntingdonshire CSP to write to the Home Office with the recommendation.',
          leadAgency: 'Huntingdonshire District Council',
          milestones: 'Draft action.',
          targetDate: '2027-06-30',
        },
      ],
    },
    {
      text: 'Cambridgeshire and Peterborough Integrated Care Board should issue guidance to GP practices that when a patient presents in distress about the breakdown of a relationship, the clinician asks about thoughts of harming others as well as themselves and about the patient\'s behaviour towards their partner, records the answers and, where risk is identified, considers sharing it.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough Integrated Care Board'],
      finding:
        "A week before Mira's death Tom told his GP he 'could not live without her' and was 'not going to let her go'. He was prescribed an antidepressant and asked about suicidal thoughts, but not about thoughts of harming Mira.",
      expectedOutcome: 'GPs identify patients who may pose a risk to a partner at the point of separation.',
      themes: ['Perpetrator risk', 'Separation', 'Mental health', 'Risk identification and assessment'],
      actions: [
        {
          action: 'Publish guidance and add a prompt to the mental health consultation template.',
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Draft action.',
          targetDate: '2027-09-30',
        },
      ],
    },
    // Deliberately weak: several asks in one, no lead, no measure, no timescale.
    {
      text: 'All agencies should review their domestic abuse policies, training and recording to ensure that coercive control is understood, and should share the learning from this review widely.',
      scope: 'multi_agency',
      addressedTo: ['DASV Partnership', 'Cambridgeshire Constabulary', 'GP practices', 'Refuge'],
      finding: 'Coercive control was not recognised by any agency that had contact with Mira.',
      expectedOutcome: 'Coercive control is better understood by agencies.',
      themes: ['Coercive control', 'Policies', 'Training'],
      actions: [
        {
          action: 'Agencies to review their policies.',
          leadAgency: 'DASV Partnership',
          milestones: 'Draft action.',
          targetDate: '2027-12-31',
        },
      ],
    },
    {
      text: 'The Ministry of Justice should ensure that the online divorce service gives every applicant information about domestic abuse support and safety planning before the application is served on the other party, and prompts applicants who are afraid of their spouse to seek specialist advice.',
      scope: 'national',
      addressedTo: ['Ministry of Justice'],
      finding:
        'Mira began an online divorce application on the day before her death. The service gave no information about the risks of separating from an abusive partner or where to get support.',
      expectedOutcome: 'People starting a divorce from an abusive partner are offered safety information at the point of greatest risk.',
      themes: ['Separation', 'Policies', 'Public awareness'],
      actions: [
        {
          action: 'Huntingdonshire CSP to write to the Ministry of Justice with the recommendation.',
          leadAgency: 'Huntingdonshire District Council',
          milestones: 'Draft action.',
          targetDate: '2027-06-30',
        },
      ],
    },
    {
      text: 'Huntingdonshire District Council, as lead for the Huntingdonshire Community Safety Partnership, should ensure that the learning from this review is shared with all partner agencies through a seven-minute briefing and a practitioner event within three months of publication, and should record attendance and which agencies have cascaded it.',
      scope: 'local',
      addressedTo: ['Huntingdonshire District Council'],
      finding: 'Practitioners who met Mira had not heard of the learning from an earlier local review on coercive control.',
      expectedOutcome: 'Practitioners across the partnership know the lessons of this review.',
      themes: ['Multi-agency work', 'Competence, knowledge and skills'],
      actions: [
        {
          action: 'Produce a seven-minute briefing and hold a practitioner learning event.',
          leadAgency: 'Huntingdonshire District Council',
          milestones: 'Draft action.',
          targetDate: '2027-12-31',
        },
      ],
    },
  ],
};

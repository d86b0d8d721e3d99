import type { DemoReview } from '../demo-types.ts';

// Fictional review. Paused for criminal proceedings; published in 2023 and still monitored.
export const review: DemoReview = {
  reference: 'DHR-CC-2020-01',
  district: 'Cambridge City',
  relationship: 'familial',
  victimPseudonym: 'Ruth',
  dateOfDeath: '2020-09-05',
  notificationDate: '2020-09-10',
  decisionDate: '2020-10-01',
  homeOfficeNotifiedDate: '2020-10-06',
  chair: 'Rowena Calloway',
  termsOfReferenceDate: '2021-06-08',
  panel: [
    { agency: 'Cambridgeshire Constabulary', member: 'DS Hannah Brightwell', role: 'Public Protection Unit' },
    { agency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)', member: 'Sian Colquhoun', role: 'Head of Safeguarding' },
    { agency: 'CGL (drug and alcohol service)', member: 'Dawn Yeomans', role: 'Service Manager' },
    { agency: 'Cambridgeshire County Council Adult Social Care', member: 'Marcus Oduya', role: 'Head of Adult Safeguarding' },
    { agency: 'Cambridge City Council', member: 'Keith Pardoe', role: 'Housing Services Manager' },
    { agency: 'Cambridgeshire and Peterborough Integrated Care Board', member: 'Dr Owen Threlfall', role: 'Designated Doctor for Adult Safeguarding' },
    { agency: "Cambridge Women's Aid", member: 'Becky Hollins', role: 'Chief Executive' },
  ],
  imrs: [
    { agency: 'Cambridgeshire Constabulary', requested: '2021-06-14', received: '2021-09-10' },
    { agency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)', requested: '2021-06-14', received: '2021-10-29' },
    { agency: 'CGL (drug and alcohol service)', requested: '2021-06-14', received: '2021-09-03' },
    { agency: 'GP practices', requested: '2021-06-14', received: '2021-08-27' },
    { agency: 'Cambridge City Council', requested: '2021-06-14', received: '2021-09-24' },
    { agency: 'Cambridgeshire County Council Adult Social Care', requested: '2021-06-14', received: '2021-10-08' },
    { agency: 'Cambridge University Hospitals (CUH)', requested: '2021-06-14', received: '2021-09-17' },
  ],
  pauses: [
    {
      start: '2020-10-20',
      end: '2021-05-14',
      reason: 'Paused at the request of the Senior Investigating Officer until the conclusion of criminal proceedings.',
    },
  ],
  draftReportDate: '2022-02-21',
  familyConsultedDate: '2022-03-30',
  cspApprovalDate: '2022-06-15',
  qaSubmissions: [{ submitted: '2022-07-04', outcome: 'approved', outcomeDate: '2023-01-26' }],
  publicationDate: '2023-04-17',
  themes: [
    'Familial',
    'Parricide',
    'Mental health',
    'Substance misuse',
    'Identification and understanding of domestic violence',
    'Information sharing',
    'Complex cases',
  ],
  people: [
    { role: 'victim', pseudonym: 'Ruth', realName: 'Wendy Attenborrow' },
    { role: 'perpetrator', pseudonym: 'Sam', realName: 'Lucas Attenborrow' },
    { role: 'family', pseudonym: "Ruth's sister", realName: 'Carole Minchinton' },
  ],
  summary:
    "Ruth, aged 62, was killed at her home in Cambridge by her son Sam, aged 31, who lived with her. Sam had a diagnosis of paranoid schizophrenia, used cannabis and cocaine, and had been discharged from an early intervention service six months earlier. Ruth called the mental health crisis line three times in the preceding month to report threats, and police attended twice, treating both calls as mental health incidents rather than domestic abuse. Sam was convicted of manslaughter on the grounds of diminished responsibility and made subject to a hospital order.",
  recommendations: [
    {
      text: "Cambridgeshire and Peterborough NHS Foundation Trust should ensure that when a family member or carer reports violence, threats or fear of a patient, this is recorded as a risk event, included in the patient's risk assessment and care plan, and responded to as possible domestic abuse, including a DASH risk assessment with the family member.",
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)'],
      finding:
        "Ruth told crisis line staff that Sam had threatened to 'finish her' and that she was sleeping with her door locked; each call was recorded as a carer concern about Sam's mental state and his risk assessment was not updated.",
      expectedOutcome: "Family members' reports of violence by patients change the patient's risk assessment and lead to support for the family member.",
      themes: ['Risk identification and assessment', 'Identification and understanding of domestic violence', 'Mental health'],
      actions: [
        {
          action: 'Amend the clinical risk assessment policy so that reports of violence from family members are recorded as risk events and trigger a DASH.',
          leadAgency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)',
          milestones: 'Policy amended (Aug 2023); briefing to crisis and community teams (Sep 2023).',
          targetDate: '2023-09-30',
          completionDate: '2023-09-12',
          outcome: 'Policy amended and briefed to all crisis and community teams.',
        },
        {
          action: 'Audit 40 records where a family member reported violence, to test that risk assessments were updated.',
          leadAgency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)',
          milestones: 'Audit delayed by the move to a new electronic record; completed June 2024.',
          targetDate: '2024-03-31',
          completionDate: '2024-06-28',
          outcome: 'Risk assessment updated in 31 of 40 records; re-audit planned.',
        },
      ],
    },
    {
      text: "Cambridgeshire and Peterborough NHS Foundation Trust should ensure that MARAC information about a patient, whether as victim or perpetrator, is recorded on the patient's electronic record within two working days, and that the Trust's MARAC representative researches every case on the agenda and shares relevant risk information at the meeting.",
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)', 'MARAC'],
      finding:
        "Sam had been discussed at MARAC in 2018 for an assault on a former partner, but the MARAC outcome was held in a safeguarding team file and was not visible to his care coordinator or to crisis staff.",
      expectedOutcome: 'Clinicians can see MARAC information about their patients, and the MARAC has the mental health service\'s knowledge of risk.',
      themes: ['MARAC responsibilities', 'Information sharing', 'Record keeping'],
      actions: [
        {
          action: 'Create a MARAC alert in the electronic patient record and a two-working-day recording standard for the safeguarding team.',
          leadAgency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)',
          milestones: 'Alert built (Jul 2023); standard in the safeguarding team procedures (Aug 2023).',
          targetDate: '2023-10-31',
          completionDate: '2023-08-25',
          outcome: 'MARAC alerts visible to all clinicians; 96% recorded within two working days.',
        },
      ],
    },
    {
      text: "CGL should ensure that when a client with a serious mental illness discloses aggression or threats towards a family member, the recovery worker completes a risk assessment, shares the risk with the client's mental health care coordinator within one working day and, where the threshold is met, refers to the police or the MARAC.",
      scope: 'single_agency',
      addressedTo: ['CGL (drug and alcohol service)'],
      finding:
        "Sam told his CGL recovery worker that his mother was 'poisoning him' and that he would 'sort it out'; this was recorded but not shared with CPFT or the police.",
      expectedOutcome: 'Threats made by substance misuse clients towards family members reach the agencies able to act on them.',
      themes: ['Perpetrator risk', 'Information sharing', 'Substance misuse', 'Mental health'],
      actions: [
        {
          action: 'Issue a practice standard on sharing risk to family members and add it to supervision checklists.',
          leadAgency: 'CGL (drug and alcohol service)',
          milestones: 'Practice standard issued (Nov 2023); supervision checklist updated (Jan 2024).',
          targetDate: '2023-12-31',
          completionDate: '2024-01-15',
          outcome: 'Standard in place; information shared with CPFT in all 12 relevant cases in the first six months.',
        },
      ],
    },
    {
      text: 'Cambridgeshire Constabulary should ensure that incidents in which a family member reports violence or threats from a relative who is mentally unwell are recorded as domestic abuse, with a DASH risk assessment completed, in addition to any mental health response.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire Constabulary'],
      finding:
        'Police attended Ruth\'s home twice in August 2020. Both incidents were closed as "concern for welfare – mental health" and no DASH was completed, so Ruth was never referred for support.',
      expectedOutcome: 'Parents and other relatives harmed by a family member with mental illness receive a domestic abuse response.',
      themes: ['Identification and understanding of domestic violence', 'Risk assessment', 'Familial'],
      actions: [
        {
          action: 'Issue guidance to control room and response officers on recording adult family violence as domestic abuse where mental illness is present.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Guidance issued (Oct 2023); included in control room training (Nov 2023).',
          targetDate: '2023-12-31',
          completionDate: '2023-11-30',
          outcome: 'Guidance issued.',
        },
        {
          action: 'Audit a sample of mental health incidents involving family members to check that domestic abuse was recorded.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Audit scoped; not yet started.',
          targetDate: '2024-06-30',
        },
      ],
    },
    {
      text: "Cambridgeshire and Peterborough NHS Foundation Trust should ensure that discharge plans from the early intervention in psychosis service are shared with the patient's GP and, with consent or where risk requires, with family members who live with the patient, and set out the early signs of relapse and who to contact.",
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)'],
      finding:
        "Sam was discharged to his GP after disengaging. Ruth was not told he had been discharged and did not know who to contact when his behaviour changed.",
      expectedOutcome: 'Families living with a patient who has been discharged know the warning signs and how to get help quickly.',
      themes: ['Information sharing', 'Mental health', 'Reassessment at critical points'],
      actions: [
        {
          action: 'Revise the early intervention discharge template and procedure to include family involvement and relapse indicators.',
          leadAgency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)',
          milestones: 'Template revised with carer representatives (Jan 2024); live (Mar 2024).',
          targetDate: '2024-03-31',
          completionDate: '2024-03-28',
          outcome: 'Revised template in use; family involvement recorded in 80% of discharges.',
        },
      ],
    },
    {
      text: 'NHS England should develop national guidance for mental health providers on recognising and responding to violence and abuse by adult patients towards parents and other family members, drawing on the findings of this and other domestic homicide reviews.',
      scope: 'national',
      addressedTo: ['NHS England'],
      finding:
        'The review found no national guidance for mental health services on adult family violence; published reviews elsewhere describe the same pattern of parents reporting threats that are treated only as symptoms.',
      expectedOutcome: 'Mental health services across England respond consistently to adult family violence by patients.',
      themes: ['Policies', 'Familial', 'Mental health'],
      actions: [
        {
          action: 'Cambridge City CSP chair to write to NHS England with the recommendation and the published report.',
          leadAgency: 'Cambridge City Council',
          milestones: 'Letter sent (Jun 2023); acknowledged (Sep 2023).',
          targetDate: '2023-06-30',
          completionDate: '2023-06-05',
          outcome: 'Letter acknowledged; NHS England said the recommendation would be considered.',
        },
        {
          action: 'Publish national guidance on adult family violence for mental health providers.',
          leadAgency: 'NHS England',
          milestones: 'No further response received.',
          targetDate: '2024-12-31',
        },
      ],
    },
    // Deliberately weak: "explore", no outcome, no timescale.
    {
      text: 'CPFT and CGL should explore ways of working more closely together.',
      scope: 'multi_agency',
      addressedTo: ['Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)', 'CGL (drug and alcohol service)'],
      finding: 'Sam was seen by both services in the same month and neither knew what the other had been told.',
      expectedOutcome: 'Closer working between the two services.',
      themes: ['Multi-agency work', 'Complex cases'],
      actions: [
        {
          action: 'Hold a joint meeting of CPFT and CGL managers.',
          leadAgency: 'CGL (drug and alcohol service)',
          milestones: 'Meeting held (Oct 2023).',
          targetDate: '2023-12-31',
          completionDate: '2023-10-19',
          outcome: 'Meeting held; further meetings to be arranged.',
        },
      ],
    },
    {
      text: "Cambridgeshire County Council Adult Social Care should ensure that parents who care for an adult son or daughter with a serious mental illness are offered a carer's assessment, and that the assessment asks about violence or threats from the person they care for.",
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire County Council Adult Social Care'],
      finding:
        "Ruth was Sam's main source of support but was never identified as a carer, so her own needs and the risk she faced were never assessed.",
      expectedOutcome: 'Parents living with adult children with serious mental illness are recognised as carers and risk to them is assessed.',
      themes: ['Risk identification and assessment', 'Complex cases', 'Familial'],
      actions: [
        {
          action: "Agree a referral route from CPFT community teams to Adult Social Care for carer's assessments, with a risk question in the assessment.",
          leadAgency: 'Cambridgeshire County Council Adult Social Care',
          milestones: 'Referral route drafted (Feb 2024); awaiting agreement with CPFT.',
          targetDate: '2024-06-30',
        },
      ],
    },
    {
      text: 'Cambridge City Council should ensure that tenancy and repairs staff who find damage to a property consistent with violence, or who are told of threats between household members, ask about domestic abuse and refer to the council\'s domestic abuse lead on the same day, and should train all tenancy staff by December 2023.',
      scope: 'single_agency',
      addressedTo: ['Cambridge City Council'],
      finding:
        "A repairs operative replaced a door that had been kicked in and was told by Ruth that 'my son has bad days'; no one asked about domestic abuse.",
      expectedOutcome: 'Housing staff recognise signs of domestic abuse during routine visits and make referrals.',
      themes: ['Housing', 'Identification and understanding of domestic violence', 'Referrals'],
      actions: [
        {
          action: 'Train tenancy and repairs staff in recognising and responding to domestic abuse, including abuse by adult family members.',
          leadAgency: 'Cambridge City Council',
          milestones: 'Training commissioned from Cambridge Women\'s Aid (Oct 2023); 140 staff trained (Nov 2023–Feb 2024).',
          targetDate: '2023-12-31',
          completionDate: '2024-02-09',
          outcome: '140 staff trained; domestic abuse referrals from tenancy staff doubled.',
        },
        {
          action: 'Repeat the training every two years and for all new starters.',
          leadAgency: 'Cambridge City Council',
          milestones: 'Refresher programme booked for winter 2026.',
          targetDate: '2026-12-31',
        },
      ],
    },
    {
      text: 'The DASV Partnership should publish information for parents experiencing abuse from an adult child, including where to get help and how to report it, on its website and in printed form for GP surgeries and carers\' organisations, by March 2024.',
      scope: 'local',
      addressedTo: ['DASV Partnership'],
      finding:
        "Ruth's sister told the review that Ruth would never have called it domestic abuse because 'that is what happens between husbands and wives'.",
      expectedOutcome: 'Parents harmed by adult children recognise it as abuse and know where to go for help.',
      themes: ['Public awareness', 'Familial'],
      actions: [
        {
          action: 'Produce web and print information on adult family violence.',
          leadAgency: 'DASV Partnership',
          milestones: 'Content agreed (Apr 2024); published (May 2024).',
          targetDate: '2024-03-31',
          completionDate: '2024-05-20',
          outcome: 'Published; 2,000 leaflets distributed.',
        },
        {
          action: 'Evaluate use of the information and update it.',
          leadAgency: 'DASV Partnership',
          milestones: 'Web analytics collected since May 2024.',
          targetDate: '2027-03-31',
        },
      ],
    },
  ],
};

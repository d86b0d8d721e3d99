import type { DemoReview } from '../demo-types.ts';

// Fictional review of a suicide following domestic abuse. Published in 2025;
// the action plan is being monitored, with some actions overdue.
export const review: DemoReview = {
  reference: 'DHR-SC-2022-01',
  district: 'South Cambridgeshire',
  relationship: 'suicide',
  victimPseudonym: 'Amy',
  dateOfDeath: '2022-03-14',
  notificationDate: '2022-04-05',
  decisionDate: '2022-04-27',
  homeOfficeNotifiedDate: '2022-05-03',
  chair: 'Patrick Delahunty',
  termsOfReferenceDate: '2022-06-28',
  panel: [
    { agency: 'Cambridgeshire Constabulary', member: 'DI Karen Wolstenholme', role: 'Safeguarding Review Lead' },
    { agency: 'Cambridgeshire and Peterborough Integrated Care Board', member: 'Dr Rachel Ingleby', role: 'Named GP for Safeguarding' },
    { agency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)', member: 'Sian Colquhoun', role: 'Head of Safeguarding' },
    { agency: 'South Cambridgeshire District Council', member: 'Naomi Redfern', role: 'Housing Advice and Options Manager' },
    { agency: "Cambridgeshire County Council Children's Services", member: 'Jo Arkwright', role: 'Head of Service, Safeguarding and Quality Assurance' },
    { agency: 'IDVA service', member: 'Lindsey Farrant', role: 'IDVA Service Manager' },
    { agency: "Cambridge Women's Aid", member: 'Becky Hollins', role: 'Chief Executive' },
    { agency: 'DASV Partnership', member: 'Tessa Whitcombe', role: 'DHR Coordinator' },
  ],
  imrs: [
    { agency: 'Cambridgeshire Constabulary', requested: '2022-07-04', received: '2022-10-14' },
    { agency: 'GP practices', requested: '2022-07-04', received: '2022-09-09' },
    { agency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)', requested: '2022-07-04', received: '2022-11-25' },
    { agency: 'South Cambridgeshire District Council', requested: '2022-07-04', received: '2022-09-23' },
    { agency: "Cambridgeshire County Council Children's Services", requested: '2022-07-04', received: '2022-10-28' },
    { agency: 'IDVA service', requested: '2022-07-04', received: '2022-09-16' },
  ],
  pauses: [],
  draftReportDate: '2023-06-12',
  familyConsultedDate: '2023-07-20',
  cspApprovalDate: '2023-10-11',
  qaSubmissions: [{ submitted: '2023-11-02', outcome: 'approved', outcomeDate: '2024-09-19' }],
  publicationDate: '2025-01-27',
  themes: [
    'Victim suicide',
    'Intimate partner',
    'Separation',
    'Stalking',
    'Coercive control',
    'Economic abuse',
    'Mental health',
    'Children present',
  ],
  people: [
    { role: 'victim', pseudonym: 'Amy', realName: 'Bethany Scarisbrick' },
    { role: 'perpetrator', pseudonym: 'Mark', realName: 'Jordan Haddlesey' },
    { role: 'child', pseudonym: 'Child C', realName: 'Ellis Scarisbrick' },
    { role: 'family', pseudonym: "Amy's mother", realName: 'Janice Scarisbrick' },
  ],
  summary:
    "Amy, aged 27, took her own life in a South Cambridgeshire village eight months after separating from her partner Mark, the father of her son Child C. After the separation Mark harassed her through social media and used child contact handovers to continue to control and frighten her; during the relationship he had also controlled her Universal Credit. Amy saw her GP and a talking therapy service for low mood and approached the district council for housing advice, but was not asked about domestic abuse by either health service. Police recorded her reports of Mark's messages as malicious communications rather than stalking.",
  recommendations: [
    {
      text: 'Cambridgeshire and Peterborough Integrated Care Board should ensure that GP practices ask about domestic abuse when a patient presents with low mood, anxiety or self-harm, record the response using the agreed codes, and offer a referral to specialist support; the ICB should audit compliance in ten practices by December 2025.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough Integrated Care Board', 'GP practices'],
      finding:
        'Amy consulted her GP four times with low mood and poor sleep in the six months before her death. She was prescribed antidepressants and referred for talking therapy but was never asked whether she was safe at home or whether anyone was frightening her.',
      expectedOutcome: 'Patients presenting with mental distress are asked about domestic abuse and those who disclose it are referred for support.',
      themes: ['Identification and understanding of domestic violence', 'Mental health', 'Referrals'],
      actions: [
        {
          action: 'Add a domestic abuse enquiry prompt to the GP mental health consultation template.',
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Prompt agreed with the Local Medical Committee (Apr 2025); live in all practices (May 2025).',
          targetDate: '2025-06-30',
          completionDate: '2025-05-30',
          outcome: 'Prompt live on both clinical systems used in the county.',
        },
        {
          action: 'Audit use of the prompt and onward referrals in ten practices.',
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Audit tool designed (Oct 2025); data collection not yet started.',
          targetDate: '2025-12-31',
        },
      ],
    },
    {
      text: "Cambridgeshire and Peterborough NHS Foundation Trust should ensure that its Psychological Wellbeing Service asks every client about domestic abuse at assessment and again whenever a client's suicide risk increases, and refers clients who disclose abuse to the IDVA service or a specialist domestic abuse service.",
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)'],
      finding:
        "Amy told her therapist that her ex-partner 'would not leave her alone' and that she could not see a way out; this was treated as relationship stress and her rising suicide risk was not linked to the abuse.",
      expectedOutcome: 'Talking therapy services recognise domestic abuse as a driver of suicide risk and connect clients to specialist help.',
      themes: ['Risk identification and assessment', 'Mental health', 'Victim suicide'],
      actions: [
        {
          action: 'Add domestic abuse questions to the assessment and risk review templates and train all therapists.',
          leadAgency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)',
          milestones: 'Templates updated (Jun 2025); training delivered to 85% of therapists (Oct 2025).',
          targetDate: '2025-09-30',
          completionDate: '2025-10-15',
          outcome: 'Domestic abuse asked about in 93% of assessments sampled in Q3 2025/26.',
        },
      ],
    },
    {
      text: 'Cambridgeshire Constabulary should ensure that reports of harassment by a former partner after separation are assessed for stalking and coercive control using the stalking screening tool (S-DASH), that separation is treated as a critical point requiring reassessment of risk, and that officers consider applying for a Stalking Protection Order.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire Constabulary'],
      finding:
        "Amy reported Mark's messages and his turning up outside her home on three occasions; each was recorded as a separate malicious communications offence, and the pattern of fixated, post-separation behaviour was not recognised.",
      expectedOutcome: 'Post-separation abuse is recognised as stalking and controlling behaviour and victims receive protective action.',
      themes: ['Stalking', 'Separation', 'Reassessment at critical points', 'Coercive control'],
      actions: [
        {
          action: 'Require an S-DASH to be completed for every harassment report involving a former partner.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Crime recording guidance amended (May 2025).',
          targetDate: '2025-06-30',
          completionDate: '2025-05-19',
          outcome: 'S-DASH mandatory for former-partner harassment reports.',
        },
        {
          action: 'Deliver stalking and post-separation abuse training to investigators in the Public Protection Unit and local policing teams.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Training commissioned (Sep 2025); delivered (Nov 2025–Feb 2026).',
          targetDate: '2026-03-31',
          completionDate: '2026-02-20',
          outcome: '310 investigators trained; Stalking Protection Order applications rose from 4 to 15 a year.',
        },
      ],
    },
    {
      text: 'South Cambridgeshire District Council should ensure that housing advice officers ask about domestic abuse at every approach, including where the applicant describes the reason as relationship breakdown, complete a DASH risk assessment on disclosure, and refer to the IDVA service or MARAC as appropriate.',
      scope: 'single_agency',
      addressedTo: ['South Cambridgeshire District Council'],
      finding:
        "Amy's housing approach was recorded as 'relationship breakdown – friends' and she was advised on the private rented sector; she was not asked about domestic abuse.",
      expectedOutcome: 'Applicants whose homelessness is caused by domestic abuse are identified and referred for support at the first contact.',
      themes: ['Housing', 'Risk identification and assessment', 'Referrals'],
      actions: [
        {
          action: 'Add a mandatory domestic abuse question to the housing advice triage form and brief all officers.',
          leadAgency: 'South Cambridgeshire District Council',
          milestones: 'Form changed (Jun 2025); team briefing (Jul 2025).',
          targetDate: '2025-06-30',
          completionDate: '2025-07-11',
          outcome: 'Question mandatory; domestic abuse now identified in 14% of approaches, up from 6%.',
        },
      ],
    },
    {
      text: 'The Department for Work and Pensions should make split payments of Universal Credit the default where either claimant discloses domestic abuse, and should train work coaches to recognise economic abuse and offer split payments proactively.',
      scope: 'national',
      addressedTo: ['Department for Work and Pensions'],
      finding:
        "During the relationship Mark controlled the single household payment of Universal Credit, leaving Amy without money for food or travel; she told a work coach she had 'no access to the money' but split payments were not discussed.",
      expectedOutcome: 'Victims of economic abuse who claim Universal Credit keep control of their own income.',
      themes: ['Economic abuse', 'Policies', 'Coercive control'],
      actions: [
        {
          action: 'South Cambridgeshire CSP chair to write to the Department for Work and Pensions with the recommendation.',
          leadAgency: 'South Cambridgeshire District Council',
          milestones: 'Letter sent (Mar 2025); acknowledgement received (May 2025).',
          targetDate: '2025-03-31',
          completionDate: '2025-03-10',
          outcome: 'Letter acknowledged; the department referred to its existing split payments guidance.',
        },
        {
          action: 'Review Universal Credit split payments policy and work coach training on economic abuse.',
          leadAgency: 'Department for Work and Pensions',
          milestones: 'No confirmation of any review received.',
          targetDate: '2026-03-31',
        },
      ],
    },
    {
      text: 'The Home Office should bring section 19 of the Victims and Prisoners Act 2024 into force and publish revised statutory guidance that requires a review of every suicide where domestic abuse is known or suspected, so that areas do not have to rely on local discretion.',
      scope: 'national',
      addressedTo: ['Home Office'],
      finding:
        "This review was held because the police and the CSP chose to treat Amy's death as within scope; the panel heard that neighbouring areas had declined similar reviews.",
      expectedOutcome: 'Suicides linked to domestic abuse are reviewed consistently across England and Wales.',
      themes: ['Victim suicide', 'Policies'],
      actions: [
        {
          action: 'South Cambridgeshire CSP chair to write to the Home Office with the recommendation.',
          leadAgency: 'South Cambridgeshire District Council',
          milestones: 'Letter sent (Mar 2025).',
          targetDate: '2025-03-31',
          completionDate: '2025-03-10',
          outcome: 'Letter sent; no response received.',
        },
        {
          action: 'Commence section 19 and publish revised statutory guidance.',
          leadAgency: 'Home Office',
          milestones: 'Awaiting a commencement date.',
          targetDate: '2026-06-30',
        },
      ],
    },
    {
      text: 'The Ministry of Justice should ensure that guidance to the family courts under Practice Direction 12J makes clear that the use of child arrangements to continue coercive control after separation is a risk of harm to both the parent and the child, and that the effect on the victim\'s mental health must be considered.',
      scope: 'national',
      addressedTo: ['Ministry of Justice'],
      finding:
        'Mark applied for increased contact with Child C two months after the separation; Amy told her mother that the proceedings made her feel "trapped with him forever". Her mental health declined sharply during the proceedings.',
      expectedOutcome: 'Family courts recognise post-separation coercive control through child arrangements and its effect on the victim.',
      themes: ['Separation', 'Coercive control', 'Children present', 'Policies'],
      actions: [
        {
          action: 'South Cambridgeshire CSP chair to write to the Ministry of Justice with the recommendation.',
          leadAgency: 'South Cambridgeshire District Council',
          milestones: 'Letter sent (Mar 2025); acknowledged (Jun 2025).',
          targetDate: '2025-03-31',
          completionDate: '2025-03-10',
          outcome: 'Acknowledged; the Ministry said it would take the point into account in its work on the family justice response to domestic abuse.',
        },
        {
          action: 'Review Practice Direction 12J guidance on post-separation coercive control.',
          leadAgency: 'Ministry of Justice',
          milestones: 'No update received.',
          targetDate: '2026-12-31',
        },
      ],
    },
    {
      text: "Cambridgeshire County Council Children's Services should ensure that when a referral concerns child contact arrangements after parental separation in a family where domestic abuse is known, the assessment considers whether contact is being used to continue coercive control and records the impact on the child and the resident parent.",
      scope: 'single_agency',
      addressedTo: ["Cambridgeshire County Council Children's Services"],
      finding:
        "A referral from Child C's nursery about distress after contact was assessed as a dispute between parents and closed with advice; Mark's behaviour at handovers was not explored.",
      expectedOutcome: 'Social workers identify post-separation abuse through child contact and act to protect the child and resident parent.',
      themes: ['Coercive control', 'Separation', 'Children present', 'Risk assessment'],
      actions: [
        {
          action: 'Update the domestic abuse practice guidance and deliver a practice development session on post-separation abuse.',
          leadAgency: "Cambridgeshire County Council Children's Services",
          milestones: 'Guidance redrafted (Sep 2025); practice session postponed twice.',
          targetDate: '2026-01-31',
        },
      ],
    },
    // Deliberately weak: vague, no audience, no measure.
    {
      text: 'The DASV Partnership should raise awareness of the link between domestic abuse and suicide.',
      scope: 'local',
      addressedTo: ['DASV Partnership'],
      finding: "Amy's mother did not know that domestic abuse increases the risk of suicide.",
      expectedOutcome: 'More people understand the link between domestic abuse and suicide.',
      themes: ['Public awareness', 'Victim suicide'],
      actions: [
        {
          action: 'Include the link between domestic abuse and suicide in partnership communications.',
          leadAgency: 'DASV Partnership',
          milestones: 'Social media posts during the 16 Days of Activism (Nov 2025).',
          targetDate: '2025-12-31',
          completionDate: '2025-11-25',
          outcome: 'Posts published.',
        },
      ],
    },
    {
      text: 'Cambridgeshire and Peterborough Integrated Care Board and the DASV Partnership should ensure that the refreshed suicide prevention strategy names domestic abuse as a risk factor, and Cambridgeshire Constabulary should record in the real-time suicide surveillance system whether domestic abuse was known in each suspected suicide, by March 2026.',
      scope: 'multi_agency',
      addressedTo: [
        'Cambridgeshire and Peterborough Integrated Care Board',
        'DASV Partnership',
        'Cambridgeshire Constabulary',
      ],
      finding:
        'The local suicide prevention strategy did not mention domestic abuse, and there was no way of knowing how many local suicides followed domestic abuse.',
      expectedOutcome: 'The partnership knows how many suicides follow domestic abuse and the suicide prevention strategy addresses it.',
      themes: ['Victim suicide', 'Multi-agency work', 'Record keeping'],
      actions: [
        {
          action: 'Add a domestic abuse field to the real-time suicide surveillance return.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Field added (Oct 2025); first quarterly report (Jan 2026).',
          targetDate: '2025-12-31',
          completionDate: '2025-10-01',
          outcome: 'Domestic abuse was known to agencies in 11 of 58 suspected suicides in the first two quarters.',
        },
        {
          action: 'Name domestic abuse as a risk factor, with actions, in the refreshed suicide prevention strategy.',
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Strategy consultation (Jan 2026); approved by the Health and Wellbeing Board (Apr 2026).',
          targetDate: '2026-03-31',
          completionDate: '2026-04-22',
          outcome: 'Strategy approved with a domestic abuse workstream.',
        },
      ],
    },
    {
      text: 'The IDVA service should ensure that when a high-risk case is closed because risk has reduced, the victim is offered step-down support from a community outreach service and is contacted again at known points of risk, such as court hearings and contact proceedings.',
      scope: 'single_agency',
      addressedTo: ['IDVA service'],
      finding:
        'The IDVA closed Amy\'s case two months after the separation because her risk score had fallen; she had no specialist support when the child contact proceedings began.',
      expectedOutcome: 'Victims keep specialist support through later points of risk after the IDVA case closes.',
      themes: ['Reassessment at critical points', 'Separation', 'Referrals'],
      actions: [
        {
          action: 'Introduce a step-down referral to outreach services and a reminder to re-contact victims at known court dates.',
          leadAgency: 'IDVA service',
          milestones: 'Pathway agreed with Cambridge Women\'s Aid (Jul 2025); live (Sep 2025).',
          targetDate: '2025-09-30',
          completionDate: '2025-09-30',
          outcome: '68% of closed high-risk cases accepted step-down support in the first quarter.',
        },
      ],
    },
    {
      text: 'Cambridgeshire Constabulary should ensure that officers attending an unexpected death check for any history of domestic abuse involving the deceased, and that where abuse is known the death is notified to the relevant Community Safety Partnership within one month.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire Constabulary'],
      finding:
        "The domestic abuse history was not identified at the scene of Amy's death and the CSP was notified three weeks later, after Amy's mother raised it with the coroner's officer.",
      expectedOutcome: 'Deaths that may fall within the scope of a review are notified promptly.',
      themes: ['Victim suicide', 'Record keeping', 'Organisational policy'],
      actions: [
        {
          action: 'Add a domestic abuse history check to the sudden death procedure and a notification step to the CSP.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Procedure updated (Apr 2025).',
          targetDate: '2025-06-30',
          completionDate: '2025-04-14',
          outcome: 'Procedure updated; four deaths notified to CSPs under the new step in 2025.',
        },
      ],
    },
  ],
};

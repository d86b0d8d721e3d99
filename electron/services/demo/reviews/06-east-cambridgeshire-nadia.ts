import type { DemoReview } from '../demo-types.ts';

// Fictional review. Paused for the criminal trial (ended); the Home Office QA
// Panel asked for changes in round one; resubmitted and awaiting the outcome.
export const review: DemoReview = {
  reference: 'DHR-EC-2022-01',
  district: 'East Cambridgeshire',
  relationship: 'intimate_partner',
  victimPseudonym: 'Nadia',
  dateOfDeath: '2022-08-19',
  notificationDate: '2022-08-24',
  decisionDate: '2022-09-14',
  homeOfficeNotifiedDate: '2022-09-20',
  chair: 'Alison Marchbank',
  termsOfReferenceDate: '2022-11-08',
  panel: [
    { agency: 'Cambridgeshire Constabulary', member: 'DCI Simon Pellew', role: 'Major Crime Review Team' },
    { agency: 'East Cambridgeshire District Council', member: 'Lorna Fairbrass', role: 'Community Safety Officer' },
    { agency: 'Cambridgeshire and Peterborough Integrated Care Board', member: 'Dr Rachel Ingleby', role: 'Named GP for Safeguarding' },
    { agency: "Cambridge Women's Aid", member: 'Becky Hollins', role: 'Chief Executive' },
    { agency: "Cambridgeshire County Council Children's Services", member: 'Jo Arkwright', role: 'Head of Service, Safeguarding and Quality Assurance' },
    { agency: 'Schools', member: 'Elaine Tapping', role: 'Headteacher and Designated Safeguarding Lead' },
    { agency: 'IDVA service', member: 'Lindsey Farrant', role: 'IDVA Service Manager' },
  ],
  imrs: [
    { agency: 'Cambridgeshire Constabulary', requested: '2023-10-09', received: '2024-01-19' },
    { agency: 'GP practices', requested: '2023-10-09', received: '2023-12-08' },
    { agency: "Cambridge Women's Aid", requested: '2023-10-09', received: '2023-12-15' },
    { agency: 'Schools', requested: '2023-10-09', received: '2024-01-12' },
    { agency: "Cambridgeshire County Council Children's Services", requested: '2023-10-09', received: '2024-02-23' },
  ],
  pauses: [
    {
      start: '2022-11-15',
      end: '2023-09-29',
      reason: 'Paused on the advice of the Crown Prosecution Service until the conclusion of the murder trial; resumed after sentencing.',
    },
  ],
  draftReportDate: '2024-07-15',
  familyConsultedDate: '2024-08-28',
  cspApprovalDate: '2024-11-13',
  qaSubmissions: [
    {
      submitted: '2024-12-02',
      outcome: 'resubmit',
      outcomeDate: '2025-06-12',
      feedback:
        "The Panel commends the chair for a thorough and compassionate report and for the care taken with the family. Before the report can be approved, the Panel asks that: (1) the recommendations are revised so that each is specific and measurable, with a named lead agency and a timescale, in particular the recommendations on risk at separation and on rural awareness; (2) the analysis of the perpetrator's shotgun certificate renewal is strengthened and explains why domestic abuse intelligence was not considered; (3) the voice of Nadia's father is more visible in the overview report; (4) the equality and diversity section considers rural isolation; and (5) the action plan is provided in the Home Office template.",
    },
    { submitted: '2026-02-16' },
  ],
  themes: [
    'Intimate partner',
    'Coercive control',
    'Separation',
    'Children present',
    'Risk identification and assessment',
    'Reassessment at critical points',
    'Information sharing',
  ],
  people: [
    { role: 'victim', pseudonym: 'Nadia', realName: 'Rosalind Kittow-Ashdene' },
    { role: 'perpetrator', pseudonym: 'Paul', realName: 'Stuart Mulcaster' },
    { role: 'child', pseudonym: 'Child D', realName: 'Harvey Mulcaster' },
    { role: 'family', pseudonym: "Nadia's father", realName: 'Victor Ashdene' },
  ],
  summary:
    "Nadia, aged 38, was shot by her partner Paul, aged 41, at their home in a village in East Cambridgeshire in August 2022, two weeks after she first contacted a domestic abuse helpline about leaving him. Their son, Child D, was at school. Paul had controlled Nadia's money, friendships and movements for more than ten years and held a shotgun certificate that had been renewed in 2021. Nadia's GP and Child D's school had each seen signs of distress that were not recognised as domestic abuse.",
  recommendations: [
    {
      text: "Cambridge Women's Aid should ensure that all helpline and outreach staff complete refresher training on the DASH risk identification checklist at least every two years, including the use of professional judgement to escalate a case to MARAC where the score is below the threshold, and should report completion rates to its board each quarter.",
      scope: 'single_agency',
      addressedTo: ["Cambridge Women's Aid"],
      finding:
        "The helpline worker who spoke to Nadia completed a DASH that scored 9; Nadia's fear of Paul's guns and her plan to leave were not treated as grounds to escalate on professional judgement.",
      expectedOutcome: 'Helpline staff escalate high-risk callers even when the checklist score is below the threshold.',
      themes: ['Risk assessment', 'Training', 'Competence, knowledge and skills'],
      actions: [
        {
          action: 'Introduce a two-yearly DASH refresher for all helpline and outreach staff, including a professional judgement module.',
          leadAgency: "Cambridge Women's Aid",
          milestones: 'Module commissioned from SafeLives; first cohort booked.',
          targetDate: '2027-03-31',
        },
      ],
    },
    {
      text: "Each agency in the DASV Partnership should amend its domestic abuse policy by June 2027 to identify a victim's stated intention to separate as a critical point at which risk must be reassessed, with specific questions about coercive control, weapons and threats to kill, and the DASV Partnership should audit the revised policies.",
      scope: 'multi_agency',
      addressedTo: [
        'DASV Partnership',
        'Cambridgeshire Constabulary',
        "Cambridge Women's Aid",
        'GP practices',
        'East Cambridgeshire District Council',
      ],
      finding:
        'Nadia told three professionals in her last month that she was planning to leave. None treated this as a change in her level of risk or asked whether Paul had access to weapons.',
      expectedOutcome: 'Professionals reassess risk when a victim says she plans to leave, and ask about weapons and threats to kill.',
      themes: ['Reassessment at critical points', 'Separation', 'Coercive control', 'Policies'],
      actions: [
        {
          action: 'Issue a template paragraph on separation as a critical point for inclusion in partner agencies\' policies.',
          leadAgency: 'DASV Partnership',
          milestones: 'Template drafted for the DASV Operational Group.',
          targetDate: '2026-12-31',
        },
        {
          action: 'Audit partner agency policies for the separation paragraph and report to the DASV Delivery Group.',
          leadAgency: 'DASV Partnership',
          milestones: 'Not yet started; depends on publication.',
          targetDate: '2027-06-30',
        },
      ],
    },
    {
      text: 'Cambridgeshire and Peterborough Integrated Care Board should ensure that GP practices are notified of every MARAC case involving a registered patient within two working days of the meeting, and that practices record MARAC information on the records of the victim, the perpetrator (where registered at the practice) and any children, using the agreed codes.',
      scope: 'multi_agency',
      addressedTo: ['Cambridgeshire and Peterborough Integrated Care Board', 'MARAC', 'GP practices'],
      finding:
        "Paul had been discussed at a MARAC in 2014 in relation to a previous partner. Neither the MARAC outcome nor any alert was on Paul's GP record, and the practice had no record that Child D lived with him.",
      expectedOutcome: 'GP practices know which of their patients have been discussed at MARAC and can take this into account.',
      themes: ['MARAC responsibilities', 'Information sharing', 'Record keeping', 'Linking child and perpetrator records'],
      actions: [
        {
          action: 'MARAC coordinator to send a secure notification to the GP practice of every victim, perpetrator and child discussed, within two working days.',
          leadAgency: 'MARAC',
          milestones: 'Secure email route to practices agreed with the ICB.',
          targetDate: '2027-01-31',
        },
        {
          action: 'Audit MARAC coding in a sample of practices.',
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Audit planned for the first quarter after publication.',
          targetDate: '2027-06-30',
        },
      ],
    },
    {
      text: 'The Home Office should amend the statutory guidance on firearms licensing to require police, at grant and at every renewal, to check for domestic abuse incidents (including non-crime incidents and intelligence) linked to the applicant or to the address, and to seek the views of the applicant\'s current or former partner where abuse is indicated.',
      scope: 'national',
      addressedTo: ['Home Office'],
      finding:
        "Paul's shotgun certificate was renewed in 2021. A non-crime domestic incident at the address in 2019 and the earlier MARAC were not identified because the checks searched only for recorded crimes against the applicant's name.",
      expectedOutcome: 'People who pose a domestic abuse risk are identified before a firearm or shotgun certificate is granted or renewed.',
      themes: ['Perpetrator risk', 'Policies', 'Risk identification and assessment'],
      actions: [
        {
          action: 'East Cambridgeshire CSP chair to write to the Home Office with the recommendation on publication.',
          leadAgency: 'East Cambridgeshire District Council',
          milestones: 'Draft letter prepared; to be sent on publication.',
          targetDate: '2027-06-30',
        },
      ],
    },
    {
      text: 'Cambridgeshire Constabulary should ensure that its firearms licensing unit checks all domestic abuse incidents and intelligence, including non-crime incidents, linked to an applicant or their address at grant and renewal, and should review every current certificate holder with a domestic abuse marker by September 2026.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire Constabulary'],
      finding:
        'The firearms licensing checks in 2021 did not include the force domestic abuse database or intelligence linked to the address.',
      expectedOutcome: 'No certificate is granted or renewed without the applicant\'s domestic abuse history being considered.',
      themes: ['Perpetrator risk', 'Risk assessment', 'Organisational policy'],
      actions: [
        {
          action: 'Add the domestic abuse database and address-linked intelligence to the firearms licensing check list.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Implemented by the force ahead of publication after the IMR identified the gap.',
          targetDate: '2025-03-31',
          completionDate: '2025-02-27',
          outcome: 'Checks in place for all grants and renewals from March 2025.',
        },
        {
          action: 'Review all current certificate holders with a domestic abuse marker.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: '212 of 340 holders reviewed; 9 certificates revoked; remaining reviews delayed by staffing.',
          targetDate: '2026-09-30',
        },
      ],
    },
    {
      text: "Cambridge Women's Aid should ensure that when a helpline caller says she is planning to leave, the worker agrees a safe way and time to call her back, calls back within 24 hours, and completes a safety plan that covers the period before and immediately after leaving.",
      scope: 'single_agency',
      addressedTo: ["Cambridge Women's Aid"],
      finding:
        'Nadia asked the helpline not to call her at home; no alternative contact arrangement was agreed and the service lost contact with her.',
      expectedOutcome: 'Callers planning to leave stay in contact with the service and have a safety plan for the most dangerous period.',
      themes: ['Separation', 'Risk identification and assessment', 'Organisational policy'],
      actions: [
        {
          action: 'Revise the helpline procedure to require an agreed safe contact arrangement and a 24-hour callback for callers planning to leave.',
          leadAgency: "Cambridge Women's Aid",
          milestones: 'Procedure drafted.',
          targetDate: '2026-12-31',
        },
      ],
    },
    {
      text: "Schools in East Cambridgeshire should ensure that Designated Safeguarding Leads record children's disclosures about arguments or fear at home as safeguarding concerns and consider them alongside any Operation Encompass notifications, and Cambridgeshire County Council Children's Services should include this in DSL training from September 2027.",
      scope: 'multi_agency',
      addressedTo: ['Schools', "Cambridgeshire County Council Children's Services"],
      finding:
        "Child D told his teacher that his dad 'gets really angry with mum' and that he did not like going home. This was recorded in a behaviour log, not as a safeguarding concern, and was not linked to an Operation Encompass notification from 2019.",
      expectedOutcome: "Children's disclosures about home are recognised and put together with other information held by the school.",
      themes: ['Identification and understanding of domestic violence', 'Children present', 'Record keeping'],
      actions: [
        {
          action: 'Add domestic abuse disclosures and chronology-building to the DSL training programme.',
          leadAgency: "Cambridgeshire County Council Children's Services",
          milestones: 'Training content review scheduled for spring 2027.',
          targetDate: '2027-09-30',
        },
      ],
    },
    // Deliberately weak: several asks in one, no measure, no timescale. The QA
    // Panel asked for it to be revised; it is unchanged in the resubmission.
    {
      text: 'East Cambridgeshire District Council should work with partners to improve awareness of domestic abuse in rural communities, including through parish councils, village halls and local businesses, and should consider how rural isolation affects access to services.',
      scope: 'local',
      addressedTo: ['East Cambridgeshire District Council'],
      finding:
        "Nadia lived in a village with no public transport after 6pm and her only independent contact outside the home was at the school gate.",
      expectedOutcome: 'Better awareness of domestic abuse in rural areas.',
      themes: ['Public awareness', 'Complex cases'],
      actions: [
        {
          action: 'Discuss rural awareness options with parish councils.',
          leadAgency: 'East Cambridgeshire District Council',
          milestones: 'Item for the parish councils forum.',
          targetDate: '2027-03-31',
        },
      ],
    },
    {
      text: "Cambridgeshire County Council Children's Services should ensure that every child bereaved by domestic homicide is referred to a specialist trauma and bereavement service within five working days of the death, and that kinship carers are offered an assessment of their own support needs within 20 working days.",
      scope: 'single_agency',
      addressedTo: ["Cambridgeshire County Council Children's Services"],
      finding:
        "Child D went to live with Nadia's father. Specialist bereavement support was not arranged for eleven weeks, and Nadia's father received no support as a kinship carer.",
      expectedOutcome: 'Children bereaved by domestic homicide, and the family members who care for them, get specialist support quickly.',
      themes: ['Children present', 'Referrals', 'Organisational policy'],
      actions: [
        {
          action: 'Agree a referral pathway with the specialist children\'s bereavement service and add the five-day standard to the procedure.',
          leadAgency: "Cambridgeshire County Council Children's Services",
          milestones: 'Pathway discussed with the commissioned provider.',
          targetDate: '2027-03-31',
        },
      ],
    },
    {
      text: 'Cambridgeshire and Peterborough Integrated Care Board should ensure that GP practices in East Cambridgeshire routinely and safely ask about domestic abuse when patients present with anxiety, sleep problems or repeated unexplained physical symptoms, seeing the patient alone where possible.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough Integrated Care Board', 'GP practices'],
      finding:
        'Nadia attended her GP seven times in two years with headaches, anxiety and poor sleep; Paul attended four of the appointments with her and she was never seen alone or asked about abuse.',
      expectedOutcome: 'GPs identify domestic abuse behind repeated presentations of anxiety and physical symptoms.',
      themes: ['Identification and understanding of domestic violence', 'Competence, knowledge and skills', 'Training'],
      actions: [
        {
          action: 'Extend the GP domestic abuse training and advocacy programme to all East Cambridgeshire practices.',
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Funding bid submitted.',
          targetDate: '2027-03-31',
        },
      ],
    },
    {
      text: 'The DASV Partnership should deliver a campaign aimed at the friends, family, neighbours and colleagues of people experiencing domestic abuse in rural East Cambridgeshire, telling them how to recognise coercive control and where to get advice, and should measure its reach and the number of calls from concerned others to the helpline.',
      scope: 'local',
      addressedTo: ['DASV Partnership'],
      finding:
        "Nadia's father and two friends were worried about Paul's control of her for years but did not think it was 'serious enough' to call anyone.",
      expectedOutcome: 'Friends and family recognise coercive control and seek advice.',
      themes: ['Public awareness', 'Coercive control'],
      actions: [
        {
          action: 'Commission and run a concerned-others campaign in East Cambridgeshire.',
          leadAgency: 'DASV Partnership',
          milestones: 'Campaign brief drafted.',
          targetDate: '2027-09-30',
        },
      ],
    },
  ],
};

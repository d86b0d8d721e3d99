import type { DemoReview } from '../demo-types.ts';

// Fictional review. Published in 2019; the action plan is still being monitored.
export const review: DemoReview = {
  reference: 'DHR-PB-2017-01',
  district: 'Peterborough',
  relationship: 'intimate_partner',
  victimPseudonym: 'Ania',
  dateOfDeath: '2017-01-22',
  notificationDate: '2017-01-27',
  decisionDate: '2017-02-16',
  homeOfficeNotifiedDate: '2017-02-21',
  chair: 'Graham Tullett',
  termsOfReferenceDate: '2017-04-04',
  panel: [
    { agency: 'Cambridgeshire Constabulary', member: 'DS Hannah Brightwell', role: 'Public Protection Unit' },
    { agency: 'Peterborough City Council', member: 'Priya Sandhu', role: 'Head of Community Safety (Safer Peterborough Partnership)' },
    { agency: 'Peterborough City Council', member: 'Oliver Stanbridge', role: "Service Manager, Children's Social Care" },
    { agency: 'North West Anglia NHS Foundation Trust (NWAFT)', member: 'Helen Tuckwell', role: 'Named Midwife for Safeguarding' },
    { agency: 'Cambridgeshire and Peterborough Integrated Care Board', member: 'Dr Rachel Ingleby', role: 'Named GP for Safeguarding' },
    { agency: 'Aspire (drug and alcohol service)', member: 'Femi Adeyinka', role: 'Operations Manager' },
    { agency: "Peterborough Women's Aid", member: 'Kasia Lewandowska', role: 'Outreach Manager' },
    { agency: 'IDVA service', member: 'Lindsey Farrant', role: 'IDVA Service Manager' },
  ],
  imrs: [
    { agency: 'Cambridgeshire Constabulary', requested: '2017-04-10', received: '2017-07-14' },
    { agency: 'Peterborough City Council', requested: '2017-04-10', received: '2017-08-25' },
    { agency: 'North West Anglia NHS Foundation Trust (NWAFT)', requested: '2017-04-10', received: '2017-06-30' },
    { agency: 'GP practices', requested: '2017-04-10', received: '2017-06-09' },
    { agency: 'Aspire (drug and alcohol service)', requested: '2017-04-10', received: '2017-07-21' },
    { agency: 'IDVA service', requested: '2017-04-10', received: '2017-06-16' },
  ],
  pauses: [],
  draftReportDate: '2018-02-09',
  familyConsultedDate: '2018-03-15',
  cspApprovalDate: '2018-05-23',
  qaSubmissions: [{ submitted: '2018-06-11', outcome: 'approved', outcomeDate: '2019-01-17' }],
  publicationDate: '2019-04-08',
  themes: [
    'Intimate partner',
    'Separation',
    'Coercive control',
    'Children present',
    'Substance misuse',
    'Housing',
    'Information sharing',
    'MARAC responsibilities',
  ],
  people: [
    { role: 'victim', pseudonym: 'Ania', realName: 'Dorota Wielgoszewska' },
    { role: 'perpetrator', pseudonym: 'Marek', realName: 'Pawel Zdrojewski' },
    { role: 'child', pseudonym: 'Child A', realName: 'Natalia Zdrojewska' },
    { role: 'child', pseudonym: 'Child B', realName: 'Oskar Zdrojewski' },
    { role: 'friend', pseudonym: 'Friend 1', realName: 'Agnieszka Lumb' },
  ],
  summary:
    "Ania, aged 29, was killed by her estranged husband Marek three weeks after she left the family home in Peterborough with their two children, Child A and Child B, and went to stay with Friend 1. Marek misused alcohol and cocaine and was known to a drug and alcohol service; Ania had disclosed abuse to a midwife, to her GP and, shortly before her death, to the council's housing service. A MARAC had been held but the agencies that knew Marek best did not contribute to it.",
  recommendations: [
    {
      text: 'Cambridgeshire and Peterborough Integrated Care Board should commission a domestic abuse training and advocacy referral programme (such as the IRIS model) for GP practices in Peterborough, so that by March 2021 at least 80% of practices have trained clinicians to ask patients about domestic abuse routinely and safely, and a named advocate-educator to refer to.',
      scope: 'multi_agency',
      addressedTo: ['Cambridgeshire and Peterborough Integrated Care Board', 'GP practices'],
      finding:
        'Ania saw her GP five times in the year before her death with anxiety, insomnia and a facial bruise; on each occasion Marek was present or waiting outside and she was never asked about domestic abuse.',
      expectedOutcome: 'GPs ask about domestic abuse routinely, see patients alone where possible, and refer disclosures to specialist support.',
      themes: ['Identification and understanding of domestic violence', 'Referrals', 'Training', 'Competence, knowledge and skills'],
      actions: [
        {
          action: 'Commission a GP domestic abuse training and referral programme covering Peterborough practices.',
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Business case approved (Jul 2019); provider appointed (Jan 2020); first practices trained (Feb 2020).',
          targetDate: '2019-12-31',
          completionDate: '2020-02-28',
          outcome: 'Programme commissioned two months late; 12 practices trained in the first phase.',
        },
        {
          action: 'Report the proportion of Peterborough practices trained and the number of referrals to the advocate-educator.',
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Training paused during COVID-19 (Mar–Sep 2020) and resumed online; 26 of 30 practices trained by Jun 2021.',
          targetDate: '2021-03-31',
          completionDate: '2021-06-30',
          outcome: '87% of practices trained; 214 referrals from GPs to the advocate-educator in 2021/22.',
        },
      ],
    },
    {
      text: "North West Anglia NHS Foundation Trust should ensure that any disclosure of domestic abuse during maternity care is recorded in the mother's electronic record and flagged on the baby's record, with the name and date of birth of the alleged perpetrator, and that the disclosure is shared with the health visiting service at handover.",
      scope: 'single_agency',
      addressedTo: ['North West Anglia NHS Foundation Trust (NWAFT)'],
      finding:
        "During her pregnancy with Child B, Ania told a midwife that Marek had pushed her down the stairs; this was written only in her hand-held notes, was not linked to Child B's record and was not passed to the health visitor.",
      expectedOutcome: "Professionals caring for a child can see that the child lives with an adult who has been violent, including after the mother's maternity episode ends.",
      themes: ['Linking child and perpetrator records', 'Record keeping', 'Information sharing', 'Pregnancy'],
      actions: [
        {
          action: "Configure the maternity record system so that a domestic abuse alert on the mother's record generates a linked alert on the baby's record, including the perpetrator's details.",
          leadAgency: 'North West Anglia NHS Foundation Trust (NWAFT)',
          milestones: 'Alert specified (May 2019); live on maternity system (Sep 2019); included in handover template to health visiting.',
          targetDate: '2019-09-30',
          completionDate: '2019-09-16',
          outcome: 'Linked alerts live; audit of 30 records in 2020 found 27 correctly linked.',
        },
      ],
    },
    {
      text: 'Peterborough City Council should ensure that Housing Needs officers ask every applicant about domestic abuse at each homelessness approach, complete a DASH risk assessment where abuse is disclosed, and refer high-risk cases to the MARAC and the IDVA service on the same working day.',
      scope: 'single_agency',
      addressedTo: ['Peterborough City Council'],
      finding:
        'Ania told a Housing Needs officer that she had left because of "problems" with her husband and was afraid of him; she was given temporary accommodation advice but no risk assessment was done and no referral was made.',
      expectedOutcome: 'Victims approaching the council for housing are identified, risk assessed and referred for support at the first contact.',
      themes: ['Housing', 'Risk identification and assessment', 'Referrals'],
      actions: [
        {
          action: 'Train all Housing Needs officers in asking about domestic abuse and completing the DASH risk assessment.',
          leadAgency: 'Peterborough City Council',
          milestones: 'Training delivered by the IDVA service to 38 officers (Jun–Sep 2019).',
          targetDate: '2019-09-30',
          completionDate: '2019-09-27',
          outcome: 'All Housing Needs officers trained; DASH added to the homelessness assessment form.',
        },
        {
          action: 'Audit homelessness approaches to check that domestic abuse is asked about and referrals are made.',
          leadAgency: 'Peterborough City Council',
          milestones: 'Audit of 60 approaches (Feb 2020).',
          targetDate: '2020-03-31',
          completionDate: '2020-03-12',
          outcome: 'Domestic abuse asked about in 52 of 60 approaches; all six high-risk cases referred to MARAC.',
        },
      ],
    },
    {
      text: 'Aspire should ensure it is represented at every Peterborough MARAC, researches every case on the agenda before the meeting, and shares with the MARAC and the police any information about a client who is an alleged perpetrator, including changes in substance use that may increase risk.',
      scope: 'single_agency',
      addressedTo: ['Aspire (drug and alcohol service)'],
      finding:
        "Aspire knew that Marek's cocaine use had escalated after Ania left and that he had said he would 'not let her take the kids', but Aspire was not represented at the MARAC that discussed Ania and its information was never shared.",
      expectedOutcome: "The MARAC has the substance misuse service's knowledge of perpetrators when it plans for a victim's safety.",
      themes: ['Perpetrator risk', 'MARAC responsibilities', 'Information sharing', 'Substance misuse'],
      actions: [
        {
          action: 'Nominate a MARAC representative and deputy and add MARAC research to their job description.',
          leadAgency: 'Aspire (drug and alcohol service)',
          milestones: 'Representative and deputy nominated (Apr 2019); attendance reported to the MARAC steering group.',
          targetDate: '2019-06-30',
          completionDate: '2019-05-03',
          outcome: 'Aspire attended 24 of 24 MARAC meetings in 2019/20.',
        },
        {
          action: 'Sign the countywide domestic abuse information sharing agreement and brief staff on sharing perpetrator risk.',
          leadAgency: 'Aspire (drug and alcohol service)',
          milestones: 'Agreement signed (Oct 2019); staff briefings at team meetings.',
          targetDate: '2019-10-31',
          completionDate: '2019-10-21',
          outcome: 'Agreement signed and all staff briefed.',
        },
      ],
    },
    {
      text: 'Cambridgeshire Constabulary should ensure that when a victim reports that she has recently separated, or intends to separate, from an abusive partner, officers treat this as a critical point at which risk must be reassessed, and ask specifically about coercive control, stalking and threats connected to the children.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire Constabulary'],
      finding:
        "When Ania reported Marek's threatening messages after she left, officers recorded the call as a 'civil matter about child contact' and did not reassess risk, although separation is known to be a time of heightened danger.",
      expectedOutcome: 'Officers recognise separation as a time of heightened risk, reassess it and take protective action.',
      themes: ['Reassessment at critical points', 'Separation', 'Coercive control', 'Risk assessment'],
      actions: [
        {
          action: "Update the force domestic abuse policy and the DASH guidance to name separation as a critical point requiring reassessment.",
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Policy revised (Aug 2019); briefing issued to all officers (Oct 2019).',
          targetDate: '2019-10-31',
          completionDate: '2019-10-14',
          outcome: 'Policy and guidance updated.',
        },
        {
          action: 'Include a separation and stalking case study in the next round of domestic abuse training for officers.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Case study written (Jan 2020); training delayed by COVID-19 and delivered online from Sep 2020.',
          targetDate: '2020-06-30',
          completionDate: '2020-11-30',
          outcome: 'Delivered to 1,050 officers and staff, five months late.',
        },
      ],
    },
    {
      text: 'Cambridgeshire Constabulary, Peterborough City Council, North West Anglia NHS Foundation Trust and GP practices should each ensure that professional interpreters are used whenever a victim of domestic abuse does not speak English fluently, and that a partner, relative or child is never used to interpret.',
      scope: 'multi_agency',
      addressedTo: [
        'Cambridgeshire Constabulary',
        'Peterborough City Council',
        'North West Anglia NHS Foundation Trust (NWAFT)',
        'GP practices',
      ],
      finding:
        'On at least three occasions Marek interpreted for Ania, including at a GP appointment and when police attended an incident at their home.',
      expectedOutcome: 'Victims can speak to professionals without the perpetrator or their children interpreting.',
      themes: ['Identification and understanding of domestic violence', 'Organisational policy', 'Multi-agency work'],
      actions: [
        {
          action: 'Remind all officers that family members must not interpret at domestic abuse incidents, and make the telephone interpreting line available on mobile devices.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Force-wide briefing (Jul 2019); interpreting app on all mobile devices (Dec 2019).',
          targetDate: '2019-12-31',
          completionDate: '2019-12-18',
          outcome: 'Interpreting available on all officer devices.',
        },
        {
          action: "DASV Partnership to audit partner agencies' interpreting policies and report to the Delivery Group.",
          leadAgency: 'DASV Partnership',
          milestones: 'Audit template agreed (Mar 2020); returns received from four of seven agencies.',
          targetDate: '2020-06-30',
        },
      ],
    },
    // Deliberately weak: vague verb, no audience, no measure.
    {
      text: 'All agencies should raise awareness of domestic abuse within Eastern European communities in Peterborough.',
      scope: 'local',
      addressedTo: ['DASV Partnership', 'Peterborough City Council'],
      finding:
        'Ania had lived in Peterborough for eight years but did not know that specialist help was available or that controlling behaviour was a crime.',
      expectedOutcome: 'Better awareness of domestic abuse in Eastern European communities.',
      themes: ['Public awareness'],
      actions: [
        {
          action: 'Explore options for engaging with Eastern European community groups.',
          leadAgency: 'DASV Partnership',
          milestones: 'Initial meeting with two community organisations (Nov 2019).',
          targetDate: '2020-03-31',
        },
      ],
    },
    {
      text: "Peterborough City Council should ensure that children's social care assessments in households where domestic abuse is reported seek to engage with, and assess the risk posed by, the father or male partner, and record the reasons where this has not been possible.",
      scope: 'single_agency',
      addressedTo: ['Peterborough City Council'],
      finding:
        "A single assessment completed after a police notification concerned itself with Ania's parenting and her ability to protect the children; Marek was not spoken to and his substance misuse was not explored.",
      expectedOutcome: 'Assessments address the person causing the harm, not only the protective parent.',
      themes: ['Perpetrator risk', 'Children present', 'Risk assessment'],
      actions: [
        {
          action: "Revise the single assessment guidance and deliver a practice workshop on engaging fathers and male partners.",
          leadAgency: 'Peterborough City Council',
          milestones: 'Guidance revised (Oct 2019); workshops for all assessment teams (Nov 2019–Jan 2020).',
          targetDate: '2020-01-31',
          completionDate: '2020-01-24',
          outcome: 'Guidance revised; 71 social workers attended workshops.',
        },
      ],
    },
    // Deliberately weak: several asks packed into one, no measure.
    {
      text: 'Peterborough City Council should review its domestic abuse policy, update training for all staff, improve its recording systems and consider the appointment of domestic abuse champions in every team.',
      scope: 'single_agency',
      addressedTo: ['Peterborough City Council'],
      finding: "Council departments held separate fragments of information about Ania's situation and none had a full picture.",
      expectedOutcome: 'A better council-wide response to domestic abuse.',
      themes: ['Organisational policy', 'Training', 'Record keeping'],
      actions: [
        {
          action: 'Refresh the corporate domestic abuse policy.',
          leadAgency: 'Peterborough City Council',
          milestones: 'Policy approved by the Corporate Management Team (Feb 2020).',
          targetDate: '2020-03-31',
          completionDate: '2020-02-19',
          outcome: 'Policy refreshed and published on the intranet.',
        },
        {
          action: 'Establish a network of domestic abuse champions across council teams.',
          leadAgency: 'Peterborough City Council',
          milestones: 'Role description drafted (2020); recruitment not started owing to capacity.',
          targetDate: '2020-12-31',
        },
      ],
    },
    {
      text: "The Home Office should ensure that guidance and publicity for the Domestic Violence Disclosure Scheme (Clare's Law) are available in the languages most commonly spoken in England and Wales after English, including Polish, Romanian and Lithuanian.",
      scope: 'national',
      addressedTo: ['Home Office'],
      finding:
        "Friend 1 told the review that she had wanted to find out about Marek's past but had only seen information about the scheme in English and did not understand how to apply.",
      expectedOutcome: 'People whose first language is not English can find out about and use the disclosure scheme.',
      themes: ['Public awareness', 'Policies'],
      actions: [
        {
          action: 'Safer Peterborough Partnership chair to write to the Home Office setting out the recommendation and asking for a response.',
          leadAgency: 'Peterborough City Council',
          milestones: 'Letter sent (May 2019); acknowledgement received (Aug 2019) saying the point would be considered at the next revision of the guidance.',
          targetDate: '2019-06-30',
          completionDate: '2019-05-20',
          outcome: 'Letter sent and acknowledged.',
        },
        {
          action: 'Publish translated guidance and publicity for the Domestic Violence Disclosure Scheme.',
          leadAgency: 'Home Office',
          milestones: 'No further update received from the Home Office since August 2019.',
          targetDate: '2020-12-31',
        },
      ],
    },
    {
      text: 'The IDVA service should ensure that every high-risk victim who has recently separated from the perpetrator is contacted within two working days of referral and offered a safety plan that covers child contact handovers, changes of address and the perpetrator\'s access to her new location.',
      scope: 'single_agency',
      addressedTo: ['IDVA service'],
      finding:
        "Ania was allocated an IDVA nine days after the MARAC referral; the safety plan did not consider that Marek knew where Friend 1 lived or that he would see Ania at child contact.",
      expectedOutcome: 'Victims who have just left receive timely safety planning that reflects the particular risks of separation.',
      themes: ['Separation', 'Risk identification and assessment', 'Children present'],
      actions: [
        {
          action: 'Introduce a two-working-day contact standard for recently separated high-risk victims and a separation section in the safety plan template.',
          leadAgency: 'IDVA service',
          milestones: 'Standard agreed (Jun 2019); template revised (Jul 2019); performance reported quarterly.',
          targetDate: '2019-09-30',
          completionDate: '2019-08-30',
          outcome: '92% of recently separated high-risk victims contacted within two working days in 2019/20.',
        },
      ],
    },
    {
      text: 'Peterborough City Council should ensure that every school in Peterborough is signed up to Operation Encompass and has a trained key adult to receive notifications, by September 2019.',
      scope: 'local',
      addressedTo: ['Peterborough City Council', 'Schools'],
      finding:
        "Child A's school was not told about the police attendances at the family home and so could not explain or respond to her sudden change in behaviour.",
      expectedOutcome: 'Schools know by the start of the next school day when a pupil has been present at a domestic abuse incident.',
      themes: ['Information sharing', 'Children present', 'Multi-agency work'],
      actions: [
        {
          action: 'Sign up all remaining Peterborough schools to Operation Encompass and train their key adults.',
          leadAgency: 'Peterborough City Council',
          milestones: '52 of 68 schools signed up (Jul 2019); remaining schools signed up and key adults trained (Nov 2019).',
          targetDate: '2019-09-30',
          completionDate: '2019-11-29',
          outcome: 'All 68 schools signed up, two months late.',
        },
      ],
    },
  ],
};

import type { DemoReview } from '../demo-types.ts';

// Fictional review. Approved by the CSP and submitted to the Home Office QA
// Panel in April 2026; awaiting the outcome.
export const review: DemoReview = {
  reference: 'DHR-PB-2023-01',
  district: 'Peterborough',
  relationship: 'intimate_partner',
  victimPseudonym: 'Jade',
  dateOfDeath: '2023-06-03',
  notificationDate: '2023-06-07',
  decisionDate: '2023-06-28',
  homeOfficeNotifiedDate: '2023-07-04',
  chair: 'Hugh Satterthwaite',
  termsOfReferenceDate: '2023-09-12',
  panel: [
    { agency: 'Cambridgeshire Constabulary', member: 'DS Hannah Brightwell', role: 'Public Protection Unit' },
    { agency: 'Peterborough City Council', member: 'Priya Sandhu', role: 'Head of Community Safety (Safer Peterborough Partnership)' },
    { agency: 'National Probation Service', member: 'Nick Barraclough', role: 'Head of Probation Delivery Unit' },
    { agency: 'Aspire (drug and alcohol service)', member: 'Femi Adeyinka', role: 'Operations Manager' },
    { agency: 'North West Anglia NHS Foundation Trust (NWAFT)', member: 'Helen Tuckwell', role: 'Named Midwife for Safeguarding' },
    { agency: 'Cambridgeshire and Peterborough Integrated Care Board', member: 'Dr Owen Threlfall', role: 'Designated Doctor for Safeguarding' },
    { agency: 'Housing providers', member: 'Gemma Lidstone', role: 'Head of Tenancy Services' },
    { agency: "Peterborough Women's Aid", member: 'Kasia Lewandowska', role: 'Outreach Manager' },
  ],
  imrs: [
    { agency: 'Cambridgeshire Constabulary', requested: '2023-09-18', received: '2024-01-26' },
    { agency: 'National Probation Service', requested: '2023-09-18', received: '2023-12-15' },
    { agency: 'Aspire (drug and alcohol service)', requested: '2023-09-18', received: '2023-11-17' },
    { agency: 'North West Anglia NHS Foundation Trust (NWAFT)', requested: '2023-09-18', received: '2023-12-01' },
    { agency: 'GP practices', requested: '2023-09-18', received: '2023-11-24' },
    { agency: 'Housing providers', requested: '2023-09-18', received: '2024-03-08' },
    { agency: 'Peterborough City Council', requested: '2023-09-18', received: '2024-02-09' },
  ],
  pauses: [],
  draftReportDate: '2025-09-22',
  familyConsultedDate: '2025-11-04',
  cspApprovalDate: '2026-03-18',
  qaSubmissions: [{ submitted: '2026-04-06' }],
  themes: [
    'Intimate partner',
    'Pregnancy',
    'Substance misuse',
    'Perpetrator risk',
    'Linking child and perpetrator records',
    'Economic abuse',
    'Children present',
    'Housing',
  ],
  people: [
    { role: 'victim', pseudonym: 'Jade', realName: 'Tanya Polglase' },
    { role: 'perpetrator', pseudonym: 'Liam', realName: 'Ryan Fewtrells' },
    { role: 'child', pseudonym: 'Child E', realName: 'Ruby Polglase' },
    { role: 'child', pseudonym: 'Child F', realName: 'Alfie Fewtrells' },
  ],
  summary:
    "Jade, aged 24, who was 22 weeks pregnant, was killed by her partner Liam, aged 26, at her housing association flat in Peterborough in June 2023; her two young children, Child E and Child F, were in the flat. Liam had been discussed at MARAC twice in relation to previous partners, was on licence for a drug supply offence and was attending a drug service for cocaine use, but none of the agencies supervising him knew he was living with Jade. Liam also controlled Jade's Universal Credit and attended all her antenatal appointments.",
  recommendations: [
    {
      text: 'Cambridgeshire and Peterborough Integrated Care Board should ensure that GP practices in Peterborough link the records of children to those of any adult in the household known to pose a domestic abuse risk, including where the adult has a different surname or is registered at another practice, and should audit ten practices by December 2027.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough Integrated Care Board', 'GP practices'],
      finding:
        "Liam was registered with a different practice from Jade and the children. The children's records held no reference to him, although the practice had received a police notification naming him as the partner involved in a domestic incident.",
      expectedOutcome: 'Clinicians seeing a child can see that an adult in the household poses a domestic abuse risk.',
      themes: ['Linking child and perpetrator records', 'Record keeping', 'Children present'],
      actions: [
        {
          action: 'Issue guidance and a coding approach for linking household members across practices, and audit use.',
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Guidance drafted with the Named GPs; information governance advice sought.',
          targetDate: '2027-12-31',
        },
      ],
    },
    {
      text: "Aspire should ensure that recovery workers ask every client about current relationships and children in the household at assessment and at each review, and that, where a client is known to pose a domestic abuse risk, this is shared with the client's probation practitioner, the police and the MARAC within two working days of becoming known.",
      scope: 'single_agency',
      addressedTo: ['Aspire (drug and alcohol service)'],
      finding:
        "Liam told his Aspire worker that he had 'a new girlfriend with kids' and was using more cocaine since moving in; this was not shared with probation, the police or the MARAC.",
      expectedOutcome: 'Changes in a perpetrator\'s circumstances known to the drug service reach the agencies managing his risk.',
      themes: ['Perpetrator risk', 'Information sharing', 'Substance misuse'],
      actions: [
        {
          action: 'Add a relationships and household question to the Aspire review template and issue a two-working-day sharing standard.',
          leadAgency: 'Aspire (drug and alcohol service)',
          milestones: 'Template change requested from the system supplier.',
          targetDate: '2026-12-31',
        },
        {
          action: 'Hold monthly joint case reviews between Aspire and probation for clients on licence with domestic abuse history.',
          leadAgency: 'National Probation Service',
          milestones: 'Terms of reference agreed.',
          targetDate: '2027-03-31',
        },
      ],
    },
    {
      text: 'The National Probation Service should ensure that domestic abuse enquiries are made with the police and children\'s services at the start of every period of supervision and whenever a person on probation reports a change of address or a new relationship, and that a home visit is made within ten working days of any such change.',
      scope: 'single_agency',
      addressedTo: ['National Probation Service'],
      finding:
        "Liam gave his mother's address to probation. When he began staying with Jade, no enquiries were made and no home visit took place, so his probation practitioner did not know he was living with a pregnant partner and two young children.",
      expectedOutcome: 'Probation practitioners know where and with whom the people they supervise are living, and assess the risk to them.',
      themes: ['Perpetrator risk', 'Risk identification and assessment', 'Reassessment at critical points'],
      actions: [
        {
          action: 'Issue a local practice direction on domestic abuse enquiries and home visits on change of circumstances.',
          leadAgency: 'National Probation Service',
          milestones: 'Practice direction issued after the IMR was completed.',
          targetDate: '2025-12-31',
          completionDate: '2025-12-01',
          outcome: 'Practice direction in force; compliance to be checked through the quarterly case audit.',
        },
      ],
    },
    {
      text: 'Housing providers in Peterborough should ensure that tenancy officers ask about domestic abuse, seeing the tenant alone, whenever they learn that a new adult has moved into a property, receive reports of noise or damage, or see a sudden change in rent payment, and refer concerns to the IDVA service or the police.',
      scope: 'multi_agency',
      addressedTo: ['Housing providers'],
      finding:
        "Jade's housing association received two noise complaints and saw her rent fall into arrears after Liam moved in; a tenancy officer visited but spoke to Jade with Liam present and did not ask about domestic abuse.",
      expectedOutcome: 'Tenancy staff recognise signs of domestic abuse during routine housing management and act on them.',
      themes: ['Housing', 'Identification and understanding of domestic violence', 'Referrals'],
      actions: [
        {
          action: 'Agree a common domestic abuse enquiry standard across the main Peterborough housing providers.',
          leadAgency: 'Housing providers',
          milestones: 'Three of five providers have agreed in principle.',
          targetDate: '2027-03-31',
        },
      ],
    },
    {
      text: 'North West Anglia NHS Foundation Trust should ensure that every pregnant woman is seen alone at least once in each trimester and asked about domestic abuse, and that where this has not been possible it is recorded and escalated to the safeguarding midwife.',
      scope: 'single_agency',
      addressedTo: ['North West Anglia NHS Foundation Trust (NWAFT)'],
      finding:
        'Liam attended every antenatal appointment. The question about domestic abuse was recorded as "not asked – partner present" on four occasions and this was not escalated.',
      expectedOutcome: 'Pregnant women have the opportunity to disclose abuse safely, and repeated failure to see them alone is acted on.',
      themes: ['Identification and understanding of domestic violence', 'Pregnancy', 'Organisational policy'],
      actions: [
        {
          action: 'Add an escalation trigger to the maternity record when routine enquiry is recorded as not asked twice.',
          leadAgency: 'North West Anglia NHS Foundation Trust (NWAFT)',
          milestones: 'Change request submitted to the maternity system team; go-live planned for mid-December.',
          targetDate: '2026-12-14',
        },
      ],
    },
    {
      text: 'The Department for Work and Pensions should ensure that work coaches ask each member of a couple, when seen alone, whether they have access to the household\'s Universal Credit payment, and offer split payments where financial control is disclosed.',
      scope: 'national',
      addressedTo: ['Department for Work and Pensions'],
      finding:
        "Liam was the nominated payee for the joint Universal Credit claim from the month he moved in and Jade had no independent income; the Jobcentre never saw her alone.",
      expectedOutcome: 'Victims of economic abuse on joint Universal Credit claims are identified and keep access to income.',
      themes: ['Economic abuse', 'Policies', 'Coercive control'],
      actions: [
        {
          action: 'Safer Peterborough Partnership chair to write to the Department for Work and Pensions on publication.',
          leadAgency: 'Peterborough City Council',
          milestones: 'Awaiting Home Office approval of the report.',
          targetDate: '2027-06-30',
        },
      ],
    },
    // Deliberately weak: "consider", no audience, no measure.
    {
      text: 'Agencies should consider refresher training on risk assessment for staff.',
      scope: 'multi_agency',
      addressedTo: ['DASV Partnership'],
      finding: 'Several agencies did not use the DASH risk assessment when Jade disclosed that Liam had hit her.',
      expectedOutcome: 'Staff are better at risk assessment.',
      themes: ['Risk assessment', 'Training'],
      actions: [
        {
          action: 'Circulate details of available DASH training to partner agencies.',
          leadAgency: 'DASV Partnership',
          milestones: 'To follow publication.',
          targetDate: '2027-06-30',
        },
      ],
    },
    // Deliberately weak: several asks packed into one, no measure.
    {
      text: 'Peterborough City Council should strengthen its response to domestic abuse in children\'s social care by improving assessments, ensuring fathers and male partners are engaged, reviewing thresholds and providing further training.',
      scope: 'single_agency',
      addressedTo: ['Peterborough City Council'],
      finding:
        "A contact about Child E after a police notification was closed with no further action because Jade said the relationship had ended; Liam was not identified or spoken to.",
      expectedOutcome: "Improved children's social care response to domestic abuse.",
      themes: ['Children present', 'Perpetrator risk', 'Training'],
      actions: [
        {
          action: "Review children's social care domestic abuse practice.",
          leadAgency: 'Peterborough City Council',
          milestones: 'To be scoped.',
          targetDate: '2027-03-31',
        },
      ],
    },
    {
      text: 'The Ministry of Housing, Communities and Local Government should require, through the Regulator of Social Housing\'s consumer standards, that every registered provider of social housing has a domestic abuse policy, trains tenancy staff to recognise and respond to domestic abuse, and reports annually on the number of cases identified.',
      scope: 'national',
      addressedTo: ['Ministry of Housing, Communities and Local Government'],
      finding:
        "Jade's housing association had no domestic abuse policy and its tenancy staff had no domestic abuse training; the panel heard that this is not a regulatory requirement.",
      expectedOutcome: 'All social landlords in England have a domestic abuse policy and trained staff.',
      themes: ['Housing', 'Policies', 'Organisational policy'],
      actions: [
        {
          action: 'Safer Peterborough Partnership chair to write to the Ministry of Housing, Communities and Local Government on publication.',
          leadAgency: 'Peterborough City Council',
          milestones: 'Awaiting Home Office approval of the report.',
          targetDate: '2027-06-30',
        },
      ],
    },
    {
      text: "Cambridgeshire Constabulary should ensure that when a person with a history of domestic abuse, including previous MARAC discussion, is known to have started a new relationship, a 'right to know' disclosure under the Domestic Violence Disclosure Scheme is considered by a supervisor and, where appropriate, made within 35 days.",
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire Constabulary'],
      finding:
        "Police attended Jade's flat in March 2023 and recorded Liam as present; his history with two previous partners was visible on police systems but no disclosure to Jade was considered.",
      expectedOutcome: 'New partners of known perpetrators are told of the risk in time to make informed choices.',
      themes: ['Perpetrator risk', 'Information sharing', 'Risk identification and assessment'],
      actions: [
        {
          action: 'Add a supervisor prompt to consider a right-to-know disclosure when a known perpetrator is linked to a new partner.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Prompt specified for the crime and intelligence system; release booked for early December.',
          targetDate: '2026-12-07',
        },
      ],
    },
  ],
};

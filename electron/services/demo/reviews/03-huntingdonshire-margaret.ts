import type { DemoReview } from '../demo-types.ts';

// Fictional review. Decision made late (52 days after notification); paused
// during the first COVID-19 lockdown; published in 2021 and still monitored.
export const review: DemoReview = {
  reference: 'DHR-HU-2019-01',
  district: 'Huntingdonshire',
  relationship: 'homicide_suicide',
  victimPseudonym: 'Margaret',
  dateOfDeath: '2019-01-30',
  notificationDate: '2019-02-04',
  decisionDate: '2019-03-28',
  homeOfficeNotifiedDate: '2019-04-03',
  chair: 'Dr Imogen Farquharson',
  termsOfReferenceDate: '2019-05-21',
  panel: [
    { agency: 'Cambridgeshire Constabulary', member: 'DI Karen Wolstenholme', role: 'Safeguarding Review Lead' },
    { agency: 'Cambridgeshire County Council Adult Social Care', member: 'Marcus Oduya', role: 'Head of Adult Safeguarding' },
    { agency: 'Cambridgeshire and Peterborough Integrated Care Board', member: 'Dr Owen Threlfall', role: 'Designated Doctor for Adult Safeguarding' },
    { agency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)', member: 'Sian Colquhoun', role: 'Head of Safeguarding' },
    { agency: 'North West Anglia NHS Foundation Trust (NWAFT)', member: 'Bernadette Cullinane', role: 'Named Nurse for Adult Safeguarding' },
    { agency: 'Cambridgeshire Fire and Rescue Service', member: 'Steve Maitland', role: 'Community Safety Manager' },
    { agency: 'Huntingdonshire District Council', member: 'Claire Denholm', role: 'Community Safety Partnership Manager' },
    { agency: 'DASV Partnership', member: 'Tessa Whitcombe', role: 'DHR Coordinator' },
  ],
  imrs: [
    { agency: 'Cambridgeshire Constabulary', requested: '2019-05-28', received: '2019-08-30' },
    { agency: 'Cambridgeshire County Council Adult Social Care', requested: '2019-05-28', received: '2019-10-18' },
    { agency: 'GP practices', requested: '2019-05-28', received: '2019-08-02' },
    { agency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)', requested: '2019-05-28', received: '2019-09-13' },
    { agency: 'North West Anglia NHS Foundation Trust (NWAFT)', requested: '2019-05-28', received: '2019-09-06' },
    { agency: 'Cambridgeshire Fire and Rescue Service', requested: '2019-05-28', received: '2019-08-16' },
  ],
  pauses: [
    {
      start: '2020-03-23',
      end: '2020-07-06',
      reason: 'Panel meetings suspended during the first COVID-19 national lockdown while health partners were redeployed.',
    },
  ],
  draftReportDate: '2020-09-14',
  familyConsultedDate: '2020-10-22',
  cspApprovalDate: '2020-12-09',
  qaSubmissions: [{ submitted: '2021-01-05', outcome: 'approved', outcomeDate: '2021-05-20' }],
  publicationDate: '2021-07-12',
  themes: [
    'Homicide-suicide',
    'Disability',
    'Mental health',
    'Emotional abuse',
    'Identification and understanding of domestic violence',
    'Risk assessment',
    'Complex cases',
  ],
  people: [
    { role: 'victim', pseudonym: 'Margaret', realName: 'Elspeth Quarrington' },
    { role: 'perpetrator', pseudonym: 'Ronald', realName: 'Gordon Quarrington' },
    { role: 'family', pseudonym: 'Son', realName: 'Neil Quarrington' },
    { role: 'family', pseudonym: 'Daughter', realName: 'Fiona Gathercole' },
  ],
  summary:
    "Margaret, aged 81, who was living with advanced dementia, was killed by her husband Ronald, aged 84, who was her main carer; Ronald then took his own life. In the months before, Ronald told his GP he was 'at the end of his tether', a carer's assessment was requested but never completed, and police attended after a neighbour heard shouting but recorded it as a verbal argument. Their adult children, Son and Daughter, lived some distance away and told the review they had not recognised how much the situation had deteriorated.",
  recommendations: [
    {
      text: "Cambridgeshire County Council Adult Social Care should ensure that every carer's assessment asks about the carer's ability to cope, any thoughts of harming themselves or the person they care for, and any history of domestic abuse in the relationship, and that carer's assessments requested for carers over 75 are completed within 28 days.",
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire County Council Adult Social Care'],
      finding:
        "A carer's assessment for Ronald was requested in October 2018 and allocated in January 2019; it had not taken place when he and Margaret died. The assessment form contained no questions about risk to the cared-for person.",
      expectedOutcome: 'Carers under severe strain are identified quickly and risk to the person they care for is assessed.',
      themes: ['Risk identification and assessment', 'Complex cases', 'Organisational policy'],
      actions: [
        {
          action: "Revise the carer's assessment form and guidance to include questions on coping, thoughts of harm and domestic abuse.",
          leadAgency: 'Cambridgeshire County Council Adult Social Care',
          milestones: 'Draft form consulted on with carers\' organisations (Sep 2021); case management system updated (Mar 2022).',
          targetDate: '2021-12-31',
          completionDate: '2022-03-15',
          outcome: 'Revised form in use from March 2022.',
        },
        {
          action: "Introduce a 28-day standard for carer's assessments for carers aged over 75 and report performance monthly.",
          leadAgency: 'Cambridgeshire County Council Adult Social Care',
          milestones: 'Standard agreed (Apr 2022); monthly performance report from May 2022.',
          targetDate: '2022-09-30',
          completionDate: '2022-10-20',
          outcome: '78% completed within 28 days in the first six months, up from 41%.',
        },
      ],
    },
    {
      text: 'Cambridgeshire Constabulary should provide refresher training on the DASH risk assessment to response officers that addresses its use with older victims and where the alleged perpetrator is also a carer, and should audit the completion of DASH for victims aged over 60 within twelve months.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire Constabulary'],
      finding:
        "Officers who attended after a neighbour's call spoke to Ronald on the doorstep, did not see Margaret alone, and recorded a verbal argument between an elderly couple. No DASH was completed because officers did not consider the incident to be domestic abuse.",
      expectedOutcome: 'Officers recognise domestic abuse involving older people and carers and complete a risk assessment.',
      themes: ['Risk assessment', 'Training', 'Identification and understanding of domestic violence', 'Disability'],
      actions: [
        {
          action: 'Add an older people and carers module to the DASH refresher training.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Module developed with Age UK input (Nov 2021); delivered through online learning (Jan–Feb 2022).',
          targetDate: '2022-03-31',
          completionDate: '2022-02-28',
          outcome: '88% of response officers completed the module.',
        },
        {
          action: 'Audit DASH completion at incidents involving victims aged over 60.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Audit scoped (Sep 2022); postponed twice because of Public Protection Unit vacancies.',
          targetDate: '2022-12-31',
        },
      ],
    },
    {
      text: 'Cambridgeshire and Peterborough Integrated Care Board should issue guidance to GP practices that, when a patient who is a carer presents with stress, low mood or exhaustion, the clinician asks whether they have thoughts of harming themselves or the person they care for, and records the answer and any action taken.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough Integrated Care Board', 'GP practices'],
      finding:
        "Ronald told his GP he was 'at the end of his tether' and could not go on; he was prescribed sleeping tablets and signposted to a carers' charity, but he was not asked about thoughts of harm to himself or to Margaret.",
      expectedOutcome: 'GPs identify carers at risk of harming themselves or the person they care for, and act on it.',
      themes: ['Risk identification and assessment', 'Mental health', 'Competence, knowledge and skills'],
      actions: [
        {
          action: 'Publish practice guidance and a consultation template for carers presenting in distress.',
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Guidance agreed at the primary care safeguarding forum (Oct 2021); template added to clinical systems (Nov 2021).',
          targetDate: '2021-12-31',
          completionDate: '2021-11-19',
          outcome: 'Guidance and template available to every practice.',
        },
      ],
    },
    {
      text: "Cambridgeshire and Peterborough NHS Foundation Trust should ensure that when older people's mental health and memory services review a patient living with dementia, the practitioner speaks with the patient and with the carer separately, considers the carer's wellbeing, and asks about domestic abuse.",
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)'],
      finding:
        'Margaret was reviewed by the memory service three times in 2018; Ronald answered every question on her behalf and his own deterioration was noted but not acted on.',
      expectedOutcome: "Memory services identify carer strain and domestic abuse in couples where one partner has dementia.",
      themes: ['Identification and understanding of domestic violence', 'Mental health', 'Disability'],
      actions: [
        {
          action: 'Update the memory service review template to include a separate carer conversation and a domestic abuse question.',
          leadAgency: 'Cambridgeshire and Peterborough NHS Foundation Trust (CPFT)',
          milestones: 'Template updated (Mar 2022); staff briefing (Apr 2022); audit of 25 reviews (Jun 2022).',
          targetDate: '2022-06-30',
          completionDate: '2022-06-24',
          outcome: 'Separate carer conversation recorded in 21 of 25 audited reviews.',
        },
      ],
    },
    // Deliberately weak: "consider", no addressee action, no measure.
    {
      text: 'Agencies should consider the impact of caring responsibilities on domestic abuse risk.',
      scope: 'multi_agency',
      addressedTo: ['DASV Partnership'],
      finding: 'No agency saw the growing strain of caring as a possible risk to Margaret.',
      expectedOutcome: 'Agencies are more aware of the link between caring and domestic abuse.',
      themes: ['Complex cases', 'Identification and understanding of domestic violence'],
      actions: [
        {
          action: 'Discuss the recommendation at the DASV Operational Group.',
          leadAgency: 'DASV Partnership',
          milestones: 'Item taken at the October 2021 meeting.',
          targetDate: '2021-12-31',
          completionDate: '2021-10-13',
          outcome: 'Discussed; partners agreed to take the learning back to their agencies.',
        },
      ],
    },
    {
      text: 'The Department of Health and Social Care should amend the Care and Support Statutory Guidance to make explicit that a carer\'s assessment under section 10 of the Care Act 2014 must consider the risk of harm to the person cared for, including domestic abuse, and the carer\'s own risk of suicide.',
      scope: 'national',
      addressedTo: ['Department of Health and Social Care'],
      finding:
        "The statutory guidance on carer's assessments focuses on the carer's needs and wellbeing; it does not prompt assessors to consider whether the caring relationship has become dangerous, a pattern seen in other homicide-suicide reviews.",
      expectedOutcome: 'Carer assessments across England routinely consider risk to the cared-for person and to the carer.',
      themes: ['Homicide-suicide', 'Policies', 'Risk identification and assessment'],
      actions: [
        {
          action: 'Huntingdonshire CSP chair to write to the Department of Health and Social Care with the recommendation and the published report.',
          leadAgency: 'Huntingdonshire District Council',
          milestones: 'Letter sent (Sep 2021); no acknowledgement; reminder sent (Mar 2022).',
          targetDate: '2021-09-30',
          completionDate: '2021-09-08',
          outcome: 'Letter sent; no response received.',
        },
        {
          action: 'Amend the Care and Support Statutory Guidance on carer assessments.',
          leadAgency: 'Department of Health and Social Care',
          milestones: 'No response received from the department.',
          targetDate: '2023-03-31',
        },
      ],
    },
    {
      text: 'The DASV Partnership should run a campaign on domestic abuse in later life, aimed at older people, carers and their families, distributed through GP surgeries, community pharmacies and carers\' groups in every district by March 2022, and should report how many organisations and people it reached.',
      scope: 'local',
      addressedTo: ['DASV Partnership'],
      finding:
        'Son and Daughter told the review that they thought of domestic abuse as something that happens to younger women, and did not know who to call about their parents.',
      expectedOutcome: 'Older people and their families recognise domestic abuse in later life and know where to get help.',
      themes: ['Public awareness', 'Identification and understanding of domestic violence'],
      actions: [
        {
          action: 'Design and run a later-life domestic abuse campaign with carers\' organisations.',
          leadAgency: 'DASV Partnership',
          milestones: 'Materials co-designed with an older people\'s forum (Jan 2022); distribution to 96 GP surgeries and 140 pharmacies (Feb–Apr 2022).',
          targetDate: '2022-03-31',
          completionDate: '2022-04-29',
          outcome: 'Campaign reached every district; 31 carers\' groups received a talk; helpline calls from people over 60 rose by a third.',
        },
      ],
    },
    {
      text: 'Cambridgeshire Fire and Rescue Service should include questions about carer strain and domestic abuse in Safe and Well visits to households where a resident is living with dementia, and should refer concerns to Adult Social Care on the same day.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire Fire and Rescue Service'],
      finding:
        "A Safe and Well visit in November 2018 noted that Ronald appeared 'exhausted and short-tempered' with Margaret, but this was not shared with anyone.",
      expectedOutcome: 'Fire service staff who see signs of carer strain or abuse pass them to adult safeguarding.',
      themes: ['Referrals', 'Information sharing', 'Multi-agency work'],
      actions: [
        {
          action: 'Add carer strain and domestic abuse prompts to the Safe and Well visit checklist and brief all advocates.',
          leadAgency: 'Cambridgeshire Fire and Rescue Service',
          milestones: 'Checklist revised (Oct 2021); all Safe and Well advocates briefed (Nov 2021).',
          targetDate: '2021-12-31',
          completionDate: '2021-12-01',
          outcome: 'Prompts in use; 17 referrals to Adult Social Care in the first year.',
        },
        {
          action: 'Record Safe and Well safeguarding referrals in the new community safety data system so they can be reported.',
          leadAgency: 'Cambridgeshire Fire and Rescue Service',
          milestones: 'System procurement under way; go-live planned for early 2027.',
          targetDate: '2027-03-31',
        },
      ],
    },
    {
      text: 'North West Anglia NHS Foundation Trust should ensure that when an older patient with cognitive impairment attends with unexplained bruising or injuries, staff speak with the patient away from the carer where possible, consider domestic abuse, and raise a safeguarding concern.',
      scope: 'single_agency',
      addressedTo: ['North West Anglia NHS Foundation Trust (NWAFT)'],
      finding:
        "Margaret attended the emergency department with bruising to both upper arms; Ronald's explanation that she had fallen was accepted and no safeguarding concern was raised.",
      expectedOutcome: 'Hospital staff recognise possible abuse of older patients and raise safeguarding concerns.',
      themes: ['Identification and understanding of domestic violence', 'Referrals', 'Disability'],
      actions: [
        {
          action: 'Add an unexplained injury prompt for patients with cognitive impairment to the emergency department safeguarding screen, with training for ED staff.',
          leadAgency: 'North West Anglia NHS Foundation Trust (NWAFT)',
          milestones: 'Prompt agreed (Apr 2022); IT change delayed; live (Aug 2022); ED teaching sessions (Sep 2022).',
          targetDate: '2022-06-30',
          completionDate: '2022-08-31',
          outcome: 'Prompt live two months late; adult safeguarding concerns from ED for over-75s rose from 9 to 23 a quarter.',
        },
      ],
    },
    {
      text: 'The DASV Partnership and the Safeguarding Adults Board should jointly publish a practice briefing on domestic abuse in later life, setting out when an adult safeguarding enquiry and a domestic abuse response (DASH, MARAC, IDVA) are both needed, by September 2022.',
      scope: 'local',
      addressedTo: ['DASV Partnership', 'Cambridgeshire County Council Adult Social Care'],
      finding:
        'Practitioners who met Margaret and Ronald saw the situation as either an adult safeguarding matter or a carer support matter; none considered the domestic abuse pathway.',
      expectedOutcome: 'Practitioners know how the adult safeguarding and domestic abuse procedures fit together for older victims.',
      themes: ['Multi-agency work', 'Policies', 'Complex cases'],
      actions: [
        {
          action: 'Draft and publish a joint practice briefing on domestic abuse in later life.',
          leadAgency: 'DASV Partnership',
          milestones: 'Task and finish group met twice (2022); draft stalled awaiting Safeguarding Adults Board sign-off.',
          targetDate: '2022-09-30',
        },
      ],
    },
    {
      text: "Cambridgeshire and Peterborough Integrated Care Board should ensure that GP practices identify patients who are carers on a carers' register and offer them an annual health check that includes their mental health, and should report the number of checks completed each year.",
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough Integrated Care Board'],
      finding: "Ronald was not recorded as a carer by his practice and so was never offered a carer's health check.",
      expectedOutcome: 'Carers are known to their GP and their health, including their mental health, is reviewed each year.',
      themes: ['Record keeping', 'Mental health'],
      actions: [
        {
          action: "Include carers' register coverage and carer health checks in the primary care quality dashboard.",
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Indicator agreed (Nov 2022); first report (May 2023).',
          targetDate: '2023-03-31',
          completionDate: '2023-05-17',
          outcome: 'Reported annually; 4,300 carer health checks completed in 2023/24.',
        },
      ],
    },
  ],
};

import type { DemoReview } from '../demo-types.ts';

// Fictional review. Published in 2018 and closed in 2020 with every action complete.
export const review: DemoReview = {
  reference: 'DHR-FL-2016-01',
  district: 'Fenland',
  relationship: 'intimate_partner',
  victimPseudonym: 'Hollie',
  dateOfDeath: '2016-05-08',
  notificationDate: '2016-05-12',
  decisionDate: '2016-06-02',
  homeOfficeNotifiedDate: '2016-06-07',
  chair: 'Alison Marchbank',
  termsOfReferenceDate: '2016-07-19',
  panel: [
    { agency: 'Cambridgeshire Constabulary', member: 'DCI Simon Pellew', role: 'Major Crime Review Team' },
    { agency: "Cambridgeshire County Council Children's Services", member: 'Jo Arkwright', role: 'Head of Service, Safeguarding and Quality Assurance' },
    { agency: 'Cambridgeshire and Peterborough Integrated Care Board', member: 'Dr Rachel Ingleby', role: 'Named GP for Safeguarding' },
    { agency: 'CGL (drug and alcohol service)', member: 'Dawn Yeomans', role: 'Service Manager' },
    { agency: 'IDVA service', member: 'Lindsey Farrant', role: 'IDVA Service Manager' },
    { agency: 'Fenland District Council', member: 'Andrew Kershaw', role: 'Community Safety Manager' },
    { agency: 'DASV Partnership', member: 'Tessa Whitcombe', role: 'DHR Coordinator' },
  ],
  imrs: [
    { agency: 'Cambridgeshire Constabulary', requested: '2016-07-25', received: '2016-10-14' },
    { agency: "Cambridgeshire County Council Children's Services", requested: '2016-07-25', received: '2016-11-04' },
    { agency: 'GP practices', requested: '2016-07-25', received: '2016-09-23' },
    { agency: 'CGL (drug and alcohol service)', requested: '2016-07-25', received: '2016-10-07' },
    { agency: 'IDVA service', requested: '2016-07-25', received: '2016-09-30' },
  ],
  pauses: [],
  draftReportDate: '2017-03-15',
  familyConsultedDate: '2017-04-20',
  cspApprovalDate: '2017-06-14',
  qaSubmissions: [{ submitted: '2017-06-30', outcome: 'approved', outcomeDate: '2017-11-23' }],
  publicationDate: '2018-02-12',
  closedDate: '2020-03-19',
  themes: [
    'Intimate partner',
    'Physical abuse',
    'Coercive control',
    'Alcohol',
    'Children present',
    'Risk assessment',
    'Perpetrator risk',
    'Linking child and perpetrator records',
  ],
  people: [
    { role: 'victim', pseudonym: 'Hollie', realName: 'Joanna Penhallow' },
    { role: 'perpetrator', pseudonym: 'Dean', realName: 'Kieran Stobbart' },
    { role: 'child', pseudonym: 'Child 1', realName: 'Maisie Penhallow-Stobbart' },
    { role: 'family', pseudonym: "Hollie's mother", realName: 'Brenda Penhallow' },
  ],
  summary:
    "Hollie, aged 34, was killed by her partner Dean at their home in a Fenland market town in May 2016. Police had attended four domestic incidents in the previous eighteen months, each assessed as standard or medium risk, and Dean was attending an alcohol service that did not know he had a partner and a young child. Hollie's daughter, Child 1, was known to children's services through concerns raised by her school. Dean was convicted of murder in December 2016.",
  recommendations: [
    {
      text: 'Cambridgeshire Constabulary should ensure that all response officers and their supervisors complete refresher training on the DASH risk identification checklist by March 2018, with emphasis on recording the victim\'s own perception of risk and on escalating repeat incidents, and should dip-sample 50 DASH forms each quarter to test the quality of completion.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire Constabulary'],
      finding:
        'Four DASH assessments were completed for Hollie but each was scored in isolation; the repeat nature of the incidents and Hollie\'s statement that she was "frightened of what he would do next" were not reflected in the risk grading.',
      expectedOutcome:
        'Officers grade risk using the history of incidents and the victim\'s perception of risk, and repeat victims are escalated to a supervisor and considered for MARAC.',
      themes: ['Risk assessment', 'Training', 'Competence, knowledge and skills', 'Reassessment at critical points'],
      actions: [
        {
          action: 'Deliver a DASH refresher module to all response officers and sergeants through the mandatory training days.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Module written with SafeLives input (Oct 2017); delivery started Nov 2017; 94% of response officers trained by Feb 2018.',
          targetDate: '2018-03-31',
          completionDate: '2018-03-09',
          outcome: '94% of response officers and 100% of sergeants completed the refresher; the remainder were booked on the April course.',
        },
        {
          action: 'Introduce a quarterly dip sample of 50 DASH forms by the Public Protection Unit, reported to the DASV Partnership.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'First dip sample Q2 2018; findings reported to the DASV Operational Group each quarter.',
          targetDate: '2018-09-30',
          completionDate: '2018-10-22',
          outcome: 'Dip sampling embedded; the proportion of forms recording the victim\'s perception of risk rose from 61% to 88% over four quarters.',
        },
      ],
    },
    {
      text: 'Cambridgeshire Constabulary should ensure that when officers attend a domestic abuse incident they check and record the suspect\'s history of domestic abuse against any previous partner, and that this history is taken into account in the risk grading.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire Constabulary'],
      finding:
        "Dean had been the subject of two MARAC referrals concerning a previous partner, but this was not visible to the officers who attended Hollie's home and was not considered in any of the four risk assessments.",
      expectedOutcome: "Risk assessments reflect the perpetrator's history with all partners, not only the current victim.",
      themes: ['Perpetrator risk', 'Risk identification and assessment', 'Record keeping'],
      actions: [
        {
          action: 'Amend the domestic abuse incident template so that the attending officer must record the result of a check on the suspect\'s previous domestic abuse history.',
          leadAgency: 'Cambridgeshire Constabulary',
          milestones: 'Template change agreed (Jan 2018); system change live (May 2018); briefing issued to all officers.',
          targetDate: '2018-06-30',
          completionDate: '2018-05-21',
          outcome: 'Mandatory field live from May 2018; audit in Nov 2018 found the check recorded in 91% of incidents.',
        },
      ],
    },
    {
      text: "Cambridgeshire County Council Children's Services should ensure that when a child is recorded as living in a household where domestic abuse has been reported, the record of the alleged perpetrator is linked to the child's record, including where the adult has a different surname or is not the child's parent.",
      scope: 'single_agency',
      addressedTo: ["Cambridgeshire County Council Children's Services"],
      finding:
        "Child 1's social care record named her mother but not Dean, who had a different surname and was recorded only as 'mother's partner'; workers assessing the school's concerns did not know of his history of violence.",
      expectedOutcome: "Practitioners viewing a child's record can see every adult in the household who poses a domestic abuse risk.",
      themes: ['Linking child and perpetrator records', 'Record keeping', 'Children present'],
      actions: [
        {
          action: 'Add a mandatory "household members" step to contact and referral recording, linking each adult named in a domestic abuse notification to the child\'s record.',
          leadAgency: "Cambridgeshire County Council Children's Services",
          milestones: 'System change specified (Mar 2018); tested (Jun 2018); live (Sep 2018); practice guidance updated.',
          targetDate: '2018-09-30',
          completionDate: '2018-11-05',
          outcome: 'Household linking live from November 2018, five weeks late because of a supplier delay. Audit of 40 cases in 2019 found all adults linked in 37.',
        },
      ],
    },
    {
      text: 'CGL should ensure that every assessment and review of a client includes questions about the client\'s current relationships and any use of violence or abuse towards a partner or family member, and that where risk to a partner or child is identified it is shared with the police, children\'s services or the MARAC in line with the information sharing protocol.',
      scope: 'single_agency',
      addressedTo: ['CGL (drug and alcohol service)'],
      finding:
        "CGL's key worker knew that Dean drank heavily and had spent time in custody, but did not ask about his relationships, did not know he lived with Hollie and Child 1, and so held no view of the risk he posed to them.",
      expectedOutcome: 'Substance misuse workers identify clients who pose a domestic abuse risk and share that risk with the agencies able to act on it.',
      themes: ['Perpetrator risk', 'Information sharing', 'Alcohol', 'Substance misuse'],
      actions: [
        {
          action: 'Add domestic abuse perpetration questions to the CGL comprehensive assessment and three-monthly review form.',
          leadAgency: 'CGL (drug and alcohol service)',
          milestones: 'Questions added to the case management system (Apr 2018).',
          targetDate: '2018-04-30',
          completionDate: '2018-04-16',
          outcome: 'Questions mandatory in all new assessments and reviews.',
        },
        {
          action: 'Train all recovery workers in recognising perpetrator risk and in the information sharing protocol.',
          leadAgency: 'CGL (drug and alcohol service)',
          milestones: 'Half-day workshop co-delivered with the IDVA service; four sessions delivered.',
          targetDate: '2018-07-31',
          completionDate: '2018-07-12',
          outcome: 'All 46 recovery workers trained; referrals from CGL to MARAC rose from 3 in 2017 to 14 in 2018.',
        },
      ],
    },
    {
      text: 'Cambridgeshire County Council Children\'s Services should provide a briefing for Designated Safeguarding Leads in Fenland schools on recognising and recording children\'s disclosures of domestic abuse, and on when to make a referral, to be delivered by the end of the 2018 summer term.',
      scope: 'single_agency',
      addressedTo: ["Cambridgeshire County Council Children's Services", 'Schools'],
      finding:
        "Child 1 told a teaching assistant that 'Dean shouts and hurts mummy'; this was recorded as a behaviour concern and not shared with children's services for six weeks.",
      expectedOutcome: 'Disclosures of domestic abuse by children are recognised, recorded as safeguarding concerns and referred without delay.',
      themes: ['Identification and understanding of domestic violence', 'Referrals', 'Children present', 'Training'],
      actions: [
        {
          action: 'Education Safeguarding Team to deliver a domestic abuse briefing at the Fenland Designated Safeguarding Leads network.',
          leadAgency: "Cambridgeshire County Council Children's Services",
          milestones: 'Briefing delivered at the June 2018 network meeting; slides circulated to all Fenland schools.',
          targetDate: '2018-07-20',
          completionDate: '2018-06-27',
          outcome: 'DSLs from 41 of 48 Fenland schools attended; slides sent to the remaining seven.',
        },
      ],
    },
    {
      text: 'Cambridgeshire and Peterborough Integrated Care Board should ensure that GP practices record information received about domestic abuse, including police notifications and MARAC outcomes, on the records of the victim and of any children in the household, using the agreed clinical codes.',
      scope: 'single_agency',
      addressedTo: ['Cambridgeshire and Peterborough Integrated Care Board', 'GP practices'],
      finding:
        "Hollie's GP practice received a MARAC notification in 2015 but it was scanned as a letter without a clinical code, so it was not visible to the GP who saw Hollie four months later with a wrist injury.",
      expectedOutcome: 'Clinicians consulting with a patient can see that domestic abuse is known, and consider it in the consultation.',
      themes: ['Record keeping', 'Information sharing', 'MARAC responsibilities'],
      actions: [
        {
          action: 'Issue guidance and a coding template to all GP practices for recording domestic abuse and MARAC information.',
          leadAgency: 'Cambridgeshire and Peterborough Integrated Care Board',
          milestones: 'Template agreed with the Local Medical Committee (Feb 2018); issued to practices (Mar 2018); covered at safeguarding leads forum.',
          targetDate: '2018-03-31',
          completionDate: '2018-03-28',
          outcome: 'Guidance issued to every practice; a 2019 audit of ten practices found MARAC information coded in 8 of 10.',
        },
      ],
    },
    // Deliberately weak: vague verb, no audience, no measure.
    {
      text: 'The DASV Partnership should raise awareness of domestic abuse in the Fenland area.',
      scope: 'local',
      addressedTo: ['DASV Partnership'],
      finding:
        "Hollie's neighbours and work colleagues had seen injuries and heard arguments but did not know where to report their concerns.",
      expectedOutcome: 'Greater awareness of domestic abuse in Fenland.',
      themes: ['Public awareness'],
      actions: [
        {
          action: 'Run a domestic abuse awareness week in Fenland with stalls and leaflets.',
          leadAgency: 'DASV Partnership',
          milestones: 'Awareness week held during the 16 Days of Action (Nov 2018).',
          targetDate: '2018-12-31',
          completionDate: '2018-12-10',
          outcome: 'Awareness week held; around 1,500 leaflets distributed.',
        },
      ],
    },
    {
      text: 'Fenland District Council, as lead for the Fenland Community Safety Partnership, should ensure that the learning from this review is disseminated to all partner agencies through a seven-minute briefing within three months of publication, and should record which agencies have cascaded it to their staff.',
      scope: 'local',
      addressedTo: ['Fenland District Council'],
      finding: 'Learning from an earlier review in the county had not reached the frontline practitioners who worked with Hollie and Dean.',
      expectedOutcome: 'Practitioners in every partner agency know the lessons of this review.',
      themes: ['Multi-agency work', 'Competence, knowledge and skills'],
      actions: [
        {
          action: 'Produce a seven-minute briefing and circulate it to all CSP partners, with a return confirming cascade.',
          leadAgency: 'Fenland District Council',
          milestones: 'Briefing drafted with the chair (Feb 2018); circulated (Mar 2018); cascade returns collected (May 2018).',
          targetDate: '2018-05-31',
          completionDate: '2018-06-18',
          outcome: '11 of 12 partner agencies confirmed cascade to frontline teams.',
        },
      ],
    },
    {
      text: 'The IDVA service should review its policy on contacting victims who do not respond to the first attempts, so that at least three attempts are made by different methods over five working days, and the referrer is told when contact has not been made.',
      scope: 'single_agency',
      addressedTo: ['IDVA service'],
      finding:
        'Hollie was referred to the IDVA service after the third incident; two telephone calls went unanswered and the case was closed without the police being told.',
      expectedOutcome: 'Fewer high-risk victims lose contact with the IDVA service, and referrers can take other action when contact fails.',
      themes: ['Referrals', 'Organisational policy', 'Multi-agency work'],
      actions: [
        {
          action: 'Revise the IDVA contact and closure policy and brief all IDVAs on it.',
          leadAgency: 'IDVA service',
          milestones: 'Policy revised (Jan 2018); approved by the commissioning board (Mar 2018); briefing for all IDVAs (Apr 2018).',
          targetDate: '2018-04-30',
          completionDate: '2018-04-11',
          outcome: 'New policy in use; 2019 audit found referrers informed in every case closed after failed contact.',
        },
        {
          action: 'Report quarterly to the DASV Partnership the number of referrals closed without contact.',
          leadAgency: 'IDVA service',
          milestones: 'Indicator added to the IDVA quarterly performance report from Q3 2018/19.',
          targetDate: '2019-03-31',
          completionDate: '2019-02-14',
          outcome: 'Reported quarterly; closures without contact fell from 19% to 11%.',
        },
      ],
    },
  ],
};

import type { Status } from '../../../shared/domain/vocabulary.ts';

// Templates for generated progress notes, written the way CSP officers
// report to their boards. {agency} is the local lead agency.

export const PROGRESS_NOTES: Record<Status, readonly string[]> = {
  not_started: [
    'Not yet started. Agreed at the CSP board that {agency} will lead; scoping meeting booked.',
    'Awaiting capacity in {agency}; the work is scheduled to start next quarter.',
    'Lead officer identified in {agency}. No work under way yet.',
  ],
  early_stage: [
    'Task and finish group formed with {agency}; terms of reference agreed and first meeting held.',
    '{agency} has drafted a briefing; circulated to partners for comment.',
    'Baseline audit of current practice started by {agency}; findings due at the next board.',
  ],
  on_track: [
    'Briefing delivered to front-line teams in {agency}; attendance recorded and a dip-sample audit planned.',
    'Revised guidance published on the {agency} intranet; managers asked to confirm their teams have read it.',
    'Training sessions running monthly; {agency} reports good attendance so far.',
    'Pathway changes piloted by {agency}; early feedback positive and a case audit is booked.',
  ],
  blocked: [
    'Progress paused: {agency} cannot release staff for training until the recruitment freeze ends. Escalated to the DASV Delivery Group.',
    'Information-sharing agreement not yet signed by all partners; {agency} chasing legal sign-off.',
    'Funding for the commissioned element has not been confirmed; {agency} has raised it with the OPCC.',
  ],
  complete: [
    'Completed. {agency} has embedded the change and an audit of case files confirmed it is being followed.',
    'Completed: guidance issued, staff briefed and compliance checked by {agency}.',
  ],
  complete_late: [
    'Completed after the target date. {agency} confirmed the new process is in use; the delay was due to staff turnover.',
  ],
  not_implemented: [
    'Not implemented: the service this recommendation concerned was decommissioned; the learning has been passed to the new provider.',
  ],
};

export const NOT_APPLICABLE_REASONS: readonly string[] = [
  'The service named in this recommendation is not commissioned in this district.',
  'Covered by the countywide arrangement led by another district; no separate local action needed.',
  'National recommendation: the county tracks the addressee\'s response, not each district.',
];

export const ALREADY_IN_PLACE_EVIDENCE: readonly string[] = [
  'Local protocol already requires this; last audited in the previous year with good compliance.',
  'Existing training programme already covers this learning; attendance records held by the CSP.',
  'Already in place through the district\'s housing and community safety pathway.',
];

export const CSP_OFFICERS: Record<string, readonly string[]> = {
  'Cambridge City': ['Priya Ashdown', 'Leon Marchetti'],
  'East Cambridgeshire': ['Hattie Brennan', 'Owen Calloway'],
  Fenland: ['Ruth Okonedo-Vale', 'Dan Whitlock'],
  Huntingdonshire: ['Sian Farrant', 'Imran Bashforth'],
  'South Cambridgeshire': ['Grace Pellow', 'Toby Ransome'],
  Peterborough: ['Amara Lindqvist', 'Kieran Moss'],
};

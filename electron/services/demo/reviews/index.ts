import type { DemoReview } from '../demo-types.ts';
import { review as review01 } from './01-fenland-hollie.ts';
import { review as review02 } from './02-peterborough-ania.ts';
import { review as review03 } from './03-huntingdonshire-margaret.ts';
import { review as review04 } from './04-cambridge-city-ruth.ts';
import { review as review05 } from './05-south-cambridgeshire-amy.ts';
import { review as review06 } from './06-east-cambridgeshire-nadia.ts';
import { review as review07 } from './07-peterborough-jade.ts';
import { review as review08 } from './08-huntingdonshire-mira.ts';
import { review as review09 } from './09-cambridge-city-eve.ts';
import { review as review10 } from './10-east-cambridgeshire-adult-a.ts';
import { STAGE_EXAMPLES } from './11-stage-examples.ts';

// The hand-written demo reviews, then short examples of the stages they do
// not reach. Every person and case is fictional.
export const DEMO_REVIEWS: DemoReview[] = [
  review01,
  review02,
  review03,
  review04,
  review05,
  review06,
  review07,
  review08,
  review09,
  review10,
  ...STAGE_EXAMPLES,
];

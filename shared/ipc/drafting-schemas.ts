import { z } from 'zod';
import { isoDate, uuid } from './schemas.ts';

// The chair's drafting pack: skeletons, acknowledged SMART hints, the
// submission check and the Home Office submission pack.

export const acknowledgement = z.object({ hintKey: z.string(), note: z.string().nullable(), by: z.string(), at: z.string() });
export const acknowledgements = z.object({ recommendationId: z.string(), acknowledged: z.array(acknowledgement) });
export type Acknowledgements = z.infer<typeof acknowledgements>;

export const acknowledgeInput = z.strictObject({
  recommendationId: uuid,
  hintKey: z.string().regex(/^[a-z_]+(:\d+)?$/, 'That is not a SMART hint.'),
  note: z.string().max(2000, 'Keep the note to 2,000 characters or fewer.').nullable().default(null),
});

export const checkItem = z.object({
  key: z.enum(['recommendations', 'actions', 'smart', 'csp_approval', 'family', 'anonymity', 'register']),
  label: z.string(),
  passed: z.boolean(),
  detail: z.string(),
});
export const submissionCheck = z.object({
  reference: z.string(),
  items: z.array(checkItem),
  passed: z.boolean(),
  /** The chair's report that was checked for names, when one was picked */
  reportFile: z.string().nullable(),
});
export type SubmissionCheck = z.infer<typeof submissionCheck>;

export const submissionPackInput = z.strictObject({ reviewId: uuid, submittedDate: isoDate });
export const submissionPack = z.object({
  /** null when the person cancelled a dialog; nothing was written or recorded */
  folder: z.string().nullable(),
  files: z.array(z.string()),
  check: submissionCheck.nullable(),
});

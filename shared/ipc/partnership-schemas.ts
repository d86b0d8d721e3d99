import { z } from 'zod';
import { AGENCY_KINDS, THEME_CATEGORIES } from '../domain/vocabulary.ts';
import { uuid } from './schemas.ts';

// Partnership reference lists: districts (CSPs), agencies and themes.
// Items are added, renamed and retired; never deleted, because reviews and
// recommendations refer to them.

const name = (what: string, max = 200) =>
  z
    .string({ error: `Enter the ${what}.` })
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(max, `The ${what} can be at most ${max} characters.`);

const listItem = {
  id: z.string(),
  name: z.string(),
  retired: z.boolean(),
  /** How many records refer to it: a retired item in use still shows on those records */
  inUse: z.number().int(),
};
export const district = z.object({ ...listItem, shortName: z.string() });
export const agency = z.object({ ...listItem, kind: z.enum(AGENCY_KINDS) });
export const theme = z.object({ ...listItem, category: z.enum(THEME_CATEGORIES) });
export type District = z.infer<typeof district>;
export type Agency = z.infer<typeof agency>;
export type Theme = z.infer<typeof theme>;

export const partnershipLists = z.object({ districts: z.array(district), agencies: z.array(agency), themes: z.array(theme) });
export type PartnershipLists = z.infer<typeof partnershipLists>;

export const addDistrictInput = z.strictObject({
  name: name('district name'),
  shortName: name('short code', 8).regex(/^[A-Za-z0-9-]+$/, 'Use letters, digits and hyphens only in the short code, such as FL.'),
});
export const updateDistrictInput = z.strictObject({
  id: uuid,
  name: name('district name').optional(),
  shortName: name('short code', 8).regex(/^[A-Za-z0-9-]+$/, 'Use letters, digits and hyphens only in the short code, such as FL.').optional(),
  retired: z.boolean().optional(),
});
export const addAgencyInput = z.strictObject({ name: name('agency name'), kind: z.enum(AGENCY_KINDS) });
export const updateAgencyInput = z.strictObject({ id: uuid, name: name('agency name').optional(), kind: z.enum(AGENCY_KINDS).optional(), retired: z.boolean().optional() });
export const addThemeInput = z.strictObject({ name: name('theme name'), category: z.enum(THEME_CATEGORIES) });
export const updateThemeInput = z.strictObject({ id: uuid, name: name('theme name').optional(), retired: z.boolean().optional() });

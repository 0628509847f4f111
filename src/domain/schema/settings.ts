import { z } from 'zod';
import { IsoDate, Label, duplicatesOf } from './primitives';

export const RatingBand = z.object({
  name: Label(20),
  min: z.int().min(1).max(25),
  max: z.int().min(1).max(25),
});

export const ProbabilityLevel = z.object({
  level: z.int().min(1).max(5),
  percent: z.number().min(0).max(1),
});

export const Holiday = z.object({ date: IsoDate, name: z.string().max(80).default('') });

const list = (defaults: string[]) =>
  z
    .array(Label(60))
    .min(1)
    .default(defaults)
    .superRefine((items, ctx) => {
      for (const d of duplicatesOf(items))
        ctx.addIssue({ code: 'custom', message: `"${d}" is listed twice` });
    });

export const DEFAULT_RATING_BANDS = [
  { name: 'Low', min: 1, max: 4 },
  { name: 'Medium', min: 5, max: 9 },
  { name: 'High', min: 10, max: 15 },
  { name: 'Critical', min: 16, max: 25 },
];

export const DEFAULT_PROBABILITY = [
  { level: 1, percent: 0.1 },
  { level: 2, percent: 0.3 },
  { level: 3, percent: 0.5 },
  { level: 4, percent: 0.7 },
  { level: 5, percent: 0.9 },
];

/** Plan-wide settings, kept in the workbook's Settings sheet and read by formulas through names. */
export const Settings = z.object({
  ratingBands: z
    .array(RatingBand)
    .min(1)
    .default(DEFAULT_RATING_BANDS)
    .superRefine((bands, ctx) => {
      // Rating formulas use MATCH(score, mins, 1): bands must climb without gaps from 1 to 25.
      let next = 1;
      bands.forEach((band, i) => {
        if (band.min !== next)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'min'],
            message: `band "${band.name}" must start at ${next} so that the bands cover every score from 1 to 25 without gaps`,
          });
        if (band.max < band.min)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'max'],
            message: `band "${band.name}" ends before it starts`,
          });
        next = band.max + 1;
      });
      if (next !== 26)
        ctx.addIssue({ code: 'custom', message: 'the last rating band must end at 25' });
      for (const d of duplicatesOf(bands.map((b) => b.name)))
        ctx.addIssue({ code: 'custom', message: `the rating "${d}" is listed twice` });
    }),
  probability: z
    .array(ProbabilityLevel)
    .length(5)
    .default(DEFAULT_PROBABILITY)
    .superRefine((levels, ctx) => {
      levels.forEach((l, i) => {
        if (l.level !== i + 1)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'level'],
            message: `levels must be 1 to 5 in order; found ${l.level} in place ${i + 1}`,
          });
      });
    }),
  budgetCategories: list([
    'Personnel',
    'Contractors',
    'Equipment',
    'Software',
    'Travel',
    'Training',
    'Other',
  ]),
  riskCategories: list([
    'Technical',
    'Financial',
    'Schedule',
    'Resources',
    'Compliance',
    'External',
  ]),
  taskStatuses: list(['Not started', 'In progress', 'Done', 'On hold', 'Cancelled']),
  projectStatuses: list(['Planned', 'Active', 'On hold', 'Closed']),
  holidays: z.array(Holiday).default([]),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as EUR or USD')
    .default('EUR'),
  /** A project not reviewed for longer than this, or never, is flagged on the joint schedule. */
  reviewEveryDays: z.int().min(1).max(366).default(30),
  /** The saved baseline (by name) the Variance sheet compares with; empty compares with none. */
  compareBaseline: z.string().trim().max(60).default(''),
});

export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;
export type RatingBand = z.infer<typeof RatingBand>;

/**
 * Where the two highest rating bands begin (0-based): open risks rated in them count as high,
 * and need an owner and a mitigation.
 */
export function highRatingBand(bands: readonly RatingBand[]): number {
  return Math.max(0, bands.length - 2);
}

export function defaultSettings(): Settings {
  return Settings.parse({});
}

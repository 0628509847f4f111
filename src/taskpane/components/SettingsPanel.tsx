import {
  Body1,
  Button,
  Field,
  Input,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Diagnostic } from '../../domain/diagnostics';
import { Settings } from '../../domain/schema/settings';
import type { ExcelRun } from '../../excel/host';
import { saveSettings } from '../../excel/actions';
import { useAction } from '../useAction';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bands: {
    display: 'grid',
    gridTemplateColumns: '1fr 4.5em 4.5em',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'center',
  },
  levels: {
    display: 'grid',
    gridTemplateColumns: 'repeat(5, 1fr)',
    gap: tokens.spacingHorizontalXS,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
  // Fluent inputs have a minimum width; in a grid at 320 px they must shrink.
  cell: { minWidth: 0, width: '100%' },
});

type ListKey = 'budgetCategories' | 'riskCategories' | 'taskStatuses' | 'projectStatuses';
const LISTS: readonly [ListKey, string][] = [
  ['budgetCategories', 'Budget categories'],
  ['riskCategories', 'Risk categories'],
  ['taskStatuses', 'Task statuses'],
  ['projectStatuses', 'Project statuses'],
];

interface Form {
  currency: string;
  reviewDays: string;
  baseline: string;
  bands: { name: string; min: string; max: string }[];
  percents: string[];
  lists: Record<ListKey, string>;
  holidays: string;
}

function formOf(s: Settings): Form {
  return {
    currency: s.currency,
    reviewDays: String(s.reviewEveryDays),
    baseline: s.compareBaseline,
    bands: s.ratingBands.map((b) => ({ name: b.name, min: String(b.min), max: String(b.max) })),
    percents: s.probability.map((p) => String(Math.round(p.percent * 1000) / 10)),
    lists: {
      budgetCategories: s.budgetCategories.join('\n'),
      riskCategories: s.riskCategories.join('\n'),
      taskStatuses: s.taskStatuses.join('\n'),
      projectStatuses: s.projectStatuses.join('\n'),
    },
    holidays: s.holidays.map((h) => `${h.date} ${h.name}`.trim()).join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function inputOf(f: Form): unknown {
  return {
    currency: f.currency.trim(),
    reviewEveryDays: number(f.reviewDays),
    compareBaseline: f.baseline.trim(),
    ratingBands: f.bands.map((b) => ({
      name: b.name.trim(),
      min: number(b.min),
      max: number(b.max),
    })),
    probability: f.percents.map((p, i) => ({ level: i + 1, percent: number(p) / 100 })),
    ...Object.fromEntries(LISTS.map(([key]) => [key, lines(f.lists[key])])),
    holidays: lines(f.holidays).map((l) => {
      const [date = '', ...name] = l.split(/\s+/);
      return { date, name: name.join(' ') };
    }),
  };
}

type Errors = Partial<
  Record<
    | 'currency'
    | 'reviewEveryDays'
    | 'compareBaseline'
    | 'ratingBands'
    | 'probability'
    | ListKey
    | 'holidays',
    string
  >
>;

interface Props {
  run: ExcelRun;
  settings: Settings;
  onDone: () => Promise<void>;
  onProblems: (problems: Diagnostic[]) => void;
}

/**
 * Settings, edited in the pane and saved to the workbook's Settings sheet (shared with
 * co-authors), checked with the same zod schema the domain uses; each error under its field.
 */
export function SettingsPanel({ run, settings, onDone, onProblems }: Props) {
  const styles = useStyles();
  const [form, setForm] = useState<Form>(() => formOf(settings));
  const [errors, setErrors] = useState<Errors>({});
  const { busy, run: act } = useAction(onDone, onProblems);
  const [saved, setSaved] = useState(false);
  const edit = (change: (f: Form) => Form) => {
    setSaved(false);
    setForm(change);
  };

  const save = async () => {
    const parsed = Settings.safeParse(inputOf(form));
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const [key, index] = issue.path;
        const where = typeof index === 'number' ? `Line ${index + 1}: ` : '';
        next[key as keyof Errors] ??= `${where}${issue.message}`;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setSaved(await act(() => saveSettings(parsed.data, { run })));
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Body1>
        Stored on the Settings sheet, so everyone editing this workbook shares them. Formulas, lists
        and colours follow at once.
      </Body1>
      <Field label="Currency (ISO code)" validationMessage={errors.currency}>
        <Input
          value={form.currency}
          onChange={(_, d) => edit((f) => ({ ...f, currency: d.value }))}
        />
      </Field>
      <Field label="Review every (days)" validationMessage={errors.reviewEveryDays}>
        <Input
          inputMode="numeric"
          value={form.reviewDays}
          onChange={(_, d) => edit((f) => ({ ...f, reviewDays: d.value }))}
        />
      </Field>
      <Field
        label="Compare with baseline"
        hint="The name of a saved baseline (Consolidate tab, Save baseline); empty compares with none."
        validationMessage={errors.compareBaseline}
      >
        <Input
          value={form.baseline}
          onChange={(_, d) => edit((f) => ({ ...f, baseline: d.value }))}
        />
      </Field>
      <Field
        label="Risk rating bands (name, lowest and highest score)"
        validationMessage={errors.ratingBands}
      >
        <div className={styles.bands}>
          {form.bands.map((b, i) => (
            <div key={i} style={{ display: 'contents' }}>
              {(['name', 'min', 'max'] as const).map((k) => (
                <Input
                  key={k}
                  className={styles.cell}
                  aria-label={`Band ${i + 1} ${k === 'name' ? 'name' : k === 'min' ? 'lowest score' : 'highest score'}`}
                  value={b[k]}
                  inputMode={k === 'name' ? 'text' : 'numeric'}
                  onChange={(_, d) =>
                    edit((f) => ({
                      ...f,
                      bands: f.bands.map((x, j) => (j === i ? { ...x, [k]: d.value } : x)),
                    }))
                  }
                />
              ))}
            </div>
          ))}
        </div>
      </Field>
      <div className={styles.row}>
        <Button
          size="small"
          onClick={() =>
            edit((f) => ({ ...f, bands: [...f.bands, { name: '', min: '', max: '' }] }))
          }
        >
          Add band
        </Button>
        <Button
          size="small"
          disabled={form.bands.length <= 1}
          onClick={() => edit((f) => ({ ...f, bands: f.bands.slice(0, -1) }))}
        >
          Remove last band
        </Button>
      </div>
      <Field
        label="Probability of each level, in percent (used for expected values)"
        validationMessage={errors.probability}
      >
        <div className={styles.levels}>
          {form.percents.map((p, i) => (
            <Input
              key={i}
              className={styles.cell}
              aria-label={`Level ${i + 1} percent`}
              inputMode="decimal"
              value={p}
              onChange={(_, d) =>
                edit((f) => ({ ...f, percents: f.percents.map((x, j) => (j === i ? d.value : x)) }))
              }
            />
          ))}
        </div>
      </Field>
      {LISTS.map(([key, label]) => (
        <Field key={key} label={`${label} (one per line)`} validationMessage={errors[key]}>
          <Textarea
            resize="vertical"
            rows={4}
            value={form.lists[key]}
            onChange={(_, d) => edit((f) => ({ ...f, lists: { ...f.lists, [key]: d.value } }))}
          />
        </Field>
      ))}
      <Field label="Holidays (one per line: YYYY-MM-DD name)" validationMessage={errors.holidays}>
        <Textarea
          resize="vertical"
          value={form.holidays}
          onChange={(_, d) => edit((f) => ({ ...f, holidays: d.value }))}
        />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save settings'}
      </Button>
      {saved && <Body1 role="status">Saved to the Settings sheet.</Body1>}
    </form>
  );
}

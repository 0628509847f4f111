import {
  Body1,
  Button,
  Field,
  Input,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { defaultBaselineName } from '../../domain/baseline/save';
import { todaySerial } from '../../domain/dates';
import type { Diagnostic } from '../../domain/diagnostics';
import { type SavedBaseline, saveBaseline } from '../../excel/baseline';
import type { ExcelRun } from '../../excel/host';
import { useAction } from '../useAction';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface Props {
  run: ExcelRun;
  /** Today as a serial date; tests pass a fixed one. */
  today?: number;
  onDone: () => Promise<void>;
  onProblems: (problems: Diagnostic[]) => void;
}

/**
 * Save baseline: the included projects as they stand, kept as values under a name on the
 * Baselines sheet (decision 0010), for Consolidate's Baseline Variance sheet to compare with.
 */
export function SaveBaselinePanel({ run, today, onDone, onProblems }: Props) {
  const styles = useStyles();
  const day = today ?? todaySerial();
  const [name, setName] = useState(() => defaultBaselineName(day));
  const [saved, setSaved] = useState<SavedBaseline | null>(null);
  const { busy, run: act } = useAction(onDone, onProblems);

  const save = async () => {
    setSaved(null);
    // The action's value, kept here: useAction only says whether it succeeded.
    const out: { value?: SavedBaseline } = {};
    const done = await act(async () => {
      const r = await saveBaseline(name, { run, today: day });
      if (r.ok) out.value = r.value.value;
      return r;
    });
    if (done && out.value) setSaved(out.value);
  };

  return (
    <form
      className={styles.form}
      aria-label="Save baseline"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Subtitle2 as="h2">Baselines</Subtitle2>
      <Body1>
        Keeps every included task&apos;s dates and status, planned amounts and risk scores as they
        stand, as values on the Baselines sheet. Consolidate compares with the one Settings names.
      </Body1>
      <Field label="Baseline name">
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save baseline'}
      </Button>
      {saved && (
        <Body1 role="status">
          Saved &quot;{saved.name}&quot; on the Baselines sheet
          {saved.compared ? '; Settings now compares with it.' : '.'}
        </Body1>
      )}
    </form>
  );
}

import { Body1, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Diagnostic } from '../../domain/diagnostics';
import { type ExcelRun } from '../../excel/host';
import { selectCell } from '../../excel/navigate';
import { readRawPlanLive } from '../../excel/read-plan';
import { validateInBackground } from '../background/client';
import { hostProblem } from '../host';
import { useAction } from '../useAction';
import { DiagnosticList } from './DiagnosticList';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Props {
  run: ExcelRun;
  /** The last check's findings, kept by the App so Consolidate can hand its errors over. */
  diagnostics: readonly Diagnostic[] | null;
  onChecked: (diagnostics: readonly Diagnostic[]) => void;
  onProblems: (problems: Diagnostic[]) => void;
}

/** Check: validates every project and lists what it finds; a click selects the cell. */
export function CheckPanel({ run, diagnostics, onChecked, onProblems }: Props) {
  const styles = useStyles();
  const { busy, attempt } = useAction(() => Promise.resolve(), onProblems);
  const check = () =>
    attempt(async () => {
      const raw = await readRawPlanLive(run);
      onChecked(Array.isArray(raw) ? raw : await validateInBackground(raw));
    });
  const select = (sheet: string, cell: string) =>
    void selectCell(sheet, cell, run).catch((e: unknown) => onProblems([hostProblem(e)]));
  const errors = diagnostics?.filter((d) => d.severity === 'error').length ?? 0;
  return (
    <div className={styles.panel}>
      <Body1>
        Checks every project sheet for entries the joint sheets cannot use: text in amounts or
        dates, scales outside 1-5, ends before starts, missing owners, renamed sheets or columns.
      </Body1>
      <Button appearance="primary" disabled={busy} onClick={() => void check()}>
        {busy ? 'Checking…' : 'Check entries'}
      </Button>
      {busy && <Spinner size="tiny" label="Reading the project sheets…" />}
      {diagnostics !== null && !busy && (
        <Body1 role="status">
          {diagnostics.length === 0
            ? 'No problems found: the plan is ready to consolidate.'
            : `${errors} error(s) and ${diagnostics.length - errors} warning(s). Errors block Consolidate; warnings do not.`}
        </Body1>
      )}
      {diagnostics !== null && <DiagnosticList diagnostics={diagnostics} onSelect={select} />}
    </div>
  );
}

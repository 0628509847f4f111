import {
  Body1,
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { JointTotals } from '../../domain/consolidation/input';
import { JOINT_SHEETS } from '../../domain/consolidation/consolidate';
import type { Diagnostic } from '../../domain/diagnostics';
import { CONSOLIDATE_STEPS, type ConsolidateStep, consolidateLive } from '../../excel/consolidate';
import { detectCapabilities, type ExcelRun } from '../../excel/host';
import { openSheet } from '../../excel/navigate';
import { planInBackground } from '../background/client';
import { day, money } from '../format';
import { hostProblem } from '../host';
import { ConfirmAction } from './ConfirmAction';
import { RemoveJointSheets } from './RemoveJointSheets';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  totals: {
    display: 'grid',
    gridTemplateColumns: 'auto auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  figure: { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

interface Props {
  run: ExcelRun;
  currency: string;
  /** Hands what validation found (the errors that blocked, or the warnings) to Check. */
  onChecked: (diagnostics: readonly Diagnostic[]) => void;
  onOpenCheck: () => void;
  onDone: () => Promise<void>;
  onProblems: (problems: Diagnostic[]) => void;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; step: ConsolidateStep; written?: number }
  | { kind: 'confirm'; edited: readonly string[] }
  | { kind: 'blocked'; errors: number }
  | { kind: 'done'; totals: JointTotals; warnings: number };

/** Consolidate: one button, named steps, then the named totals and links to the joint sheets. */
export function ConsolidatePanel({
  run,
  currency,
  onChecked,
  onOpenCheck,
  onDone,
  onProblems,
}: Props) {
  const styles = useStyles();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  const consolidate = async (replaceEdited: boolean) => {
    onProblems([]);
    setPhase({ kind: 'running', step: CONSOLIDATE_STEPS[0] });
    try {
      const r = await consolidateLive({
        run,
        replaceEdited,
        planner: planInBackground,
        onStep: (step) => setPhase({ kind: 'running', step }),
        onProgress: (written) =>
          setPhase({ kind: 'running', step: 'Writing the joint sheets', written }),
      });
      if (r.kind === 'ready') {
        setPhase({ kind: 'done', totals: r.totals, warnings: r.warnings.length });
        onChecked(r.warnings);
        onProblems(
          r.skipped.map((message) => ({ severity: 'warning', code: 'host.skipped', message })),
        );
        await onDone();
      } else if (r.kind === 'confirm') setPhase({ kind: 'confirm', edited: r.edited });
      else {
        const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
        setPhase({ kind: 'blocked', errors });
        onChecked(r.diagnostics);
      }
    } catch (e) {
      setPhase({ kind: 'idle' });
      onProblems([hostProblem(e)]);
    }
  };
  const open = (sheet: string) =>
    void openSheet(sheet, run).catch((e: unknown) => onProblems([hostProblem(e)]));

  const running = phase.kind === 'running';
  const stepIndex = running ? CONSOLIDATE_STEPS.indexOf(phase.step) : 0;
  return (
    <div className={styles.panel}>
      <Body1>
        Builds the Joint Schedule, Joint Budget, Contingency Plan and Baseline Variance sheets from
        the included projects, as live formulas. Project sheets and baselines are never changed.
      </Body1>
      <Button appearance="primary" disabled={running} onClick={() => void consolidate(false)}>
        {running ? 'Consolidating…' : 'Consolidate'}
      </Button>
      {running && (
        <Field validationMessage={phase.step} validationState="none">
          <ProgressBar
            value={
              (stepIndex + 1 + (running ? (phase.written ?? 0) : 0)) /
              (CONSOLIDATE_STEPS.length + 1)
            }
            aria-label="Consolidation progress"
          />
        </Field>
      )}
      {phase.kind === 'blocked' && (
        <MessageBar intent="error">
          <MessageBarBody>
            {`${phase.errors} error(s) block consolidation; nothing was changed. `}
            <Link inline onClick={onOpenCheck}>
              See them in Check
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {phase.kind === 'done' && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>
              {`Consolidated ${phase.totals.tasks} task(s) and ${phase.totals.risks} risk(s).`}
              {phase.warnings > 0 ? ` ${phase.warnings} warning(s): see Check.` : ''}
            </MessageBarBody>
          </MessageBar>
          <Subtitle2 as="h2">Totals</Subtitle2>
          <dl className={styles.totals} aria-label="Totals">
            {(
              [
                ['Planned', money(phase.totals.planned, currency)],
                ['Actual', money(phase.totals.actual, currency)],
                ['Variance', money(phase.totals.variance, currency)],
                ['Contingency reserve', money(phase.totals.reserve, currency)],
                ['First start', day(phase.totals.start)],
                ['Last end', day(phase.totals.end)],
                ['Tasks', String(phase.totals.tasks)],
                ['Risks', String(phase.totals.risks)],
                ['Open High or Critical', String(phase.totals.highRisks)],
              ] as const
            ).map(([label, value]) => (
              <div key={label} style={{ display: 'contents' }}>
                <dt>
                  <Body1>{label}</Body1>
                </dt>
                <dd className={styles.figure}>
                  <Body1>{value}</Body1>
                </dd>
              </div>
            ))}
          </dl>
          <nav className={styles.links} aria-label="Joint sheets">
            {JOINT_SHEETS.map((sheet) => (
              <Link key={sheet} as="button" onClick={() => open(sheet)}>
                {`Open ${sheet}`}
              </Link>
            ))}
          </nav>
        </>
      )}
      <RemoveJointSheets
        run={run}
        undoable={detectCapabilities().undoGroup === true}
        onDone={async () => {
          setPhase({ kind: 'idle' });
          await onDone();
        }}
        onProblems={onProblems}
      />
      <ConfirmAction
        open={phase.kind === 'confirm'}
        onCancel={() => setPhase({ kind: 'idle' })}
        title="Replace edited joint sheets?"
        confirmLabel="Replace and consolidate"
        cancelLabel="Keep them and cancel"
        onConfirm={() => consolidate(true)}
      >
        {phase.kind === 'confirm' &&
          `Someone has typed into ${phase.edited.join(', ')} since implan built ${phase.edited.length === 1 ? 'it' : 'them'}. Consolidating replaces the whole sheet, and those edits are lost. Copy anything you need first.`}
      </ConfirmAction>
    </div>
  );
}

import { Body1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { JOINT_SHEETS } from '../../domain/consolidation/consolidate';
import type { Diagnostic } from '../../domain/diagnostics';
import type { ExcelRun } from '../../excel/host';
import { removeJointSheets } from '../../excel/remove-joint';
import { useAction } from '../useAction';
import { ConfirmAction } from './ConfirmAction';

/** "A, B and C": the joint sheets as the confirmation names them. */
const JOINT_SHEET_LIST = `${JOINT_SHEETS.slice(0, -1).join(', ')} and ${JOINT_SHEETS.at(-1) ?? ''}`;

interface Props {
  run: ExcelRun;
  /** Whether Excel's own Undo reverses a Consolidate here (ExcelApi 1.20). */
  undoable: boolean;
  onDone: () => Promise<void>;
  onProblems: (problems: Diagnostic[]) => void;
}

/**
 * The way back from Consolidate: says whether Excel's Undo can reverse it in this Excel, and
 * offers to remove the joint sheets and their names, after asking.
 */
export function RemoveJointSheets({ run, undoable, onDone, onProblems }: Props) {
  const [removed, setRemoved] = useState<number | null>(null);
  const { attempt } = useAction(onDone, onProblems);
  const remove = async () => {
    await attempt(async () => setRemoved((await removeJointSheets(run)).sheets.length));
  };
  return (
    <>
      <Body1>
        {undoable
          ? 'Excel’s Undo reverses a Consolidate in one step. To take the joint sheets out later:'
          : 'In this version of Excel, Undo cannot reverse a Consolidate. To take the joint sheets out again:'}
      </Body1>
      <ConfirmAction
        label="Remove joint sheets…"
        title="Remove the joint sheets?"
        confirmLabel="Remove joint sheets"
        cancelLabel="Keep them"
        onConfirm={remove}
      >
        {`The ${JOINT_SHEET_LIST} sheets and the Joint_ names are deleted; project sheets, Settings, the register and the Baselines sheet stay as they are. Formulas of your own that point into a joint sheet will show #REF!. Excel cannot undo this.`}
      </ConfirmAction>
      {removed !== null && (
        <MessageBar intent="success">
          <MessageBarBody>{`Removed ${removed} joint sheet(s) and their names.`}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

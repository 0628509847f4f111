import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Diagnostic } from '../../domain/diagnostics';
import type { ExcelRun } from '../../excel/host';
import { removeJointSheets } from '../../excel/remove-joint';
import { useAction } from '../useAction';

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
  const [asking, setAsking] = useState(false);
  const [removed, setRemoved] = useState<number | null>(null);
  const { attempt } = useAction(onDone, onProblems);
  const remove = async () => {
    setAsking(false);
    await attempt(async () => setRemoved((await removeJointSheets(run)).sheets.length));
  };
  return (
    <>
      <Body1>
        {undoable
          ? 'Excel’s Undo reverses a Consolidate in one step. To take the joint sheets out later:'
          : 'In this version of Excel, Undo cannot reverse a Consolidate. To take the joint sheets out again:'}
      </Body1>
      <Button appearance="secondary" onClick={() => setAsking(true)}>
        Remove joint sheets…
      </Button>
      {removed !== null && (
        <MessageBar intent="success">
          <MessageBarBody>{`Removed ${removed} joint sheet(s) and their names.`}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={asking} onOpenChange={(_, data) => setAsking(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remove the joint sheets?</DialogTitle>
            <DialogContent>
              The Joint Schedule, Joint Budget, Contingency Plan and Baseline Variance sheets and
              the Joint_ names are deleted; project sheets, Settings, the register and the Baselines
              sheet stay as they are. Formulas of your own that point into a joint sheet will show
              #REF!. Excel cannot undo this.
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setAsking(false)}>
                Keep them
              </Button>
              <Button appearance="primary" onClick={() => void remove()}>
                Remove joint sheets
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

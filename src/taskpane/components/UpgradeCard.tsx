import { Body1, Button, Card, CardHeader, Subtitle2 } from '@fluentui/react-components';
import type { Diagnostic } from '../../domain/diagnostics';
import { TEMPLATE_VERSION } from '../../domain/template/version';
import { upgradeWorkbook } from '../../excel/upgrade';
import type { ExcelRun } from '../../excel/host';
import { useAction } from '../useAction';

interface Props {
  /** The workbook's template version: older ones can be upgraded, others are refused. */
  version: number;
  /** The sentence saying why implan cannot work on the workbook as it is. */
  problem: Diagnostic;
  run: ExcelRun;
  onDone: () => Promise<void>;
  onProblems: (problems: Diagnostic[]) => void;
}

/**
 * Shown instead of the pane's tabs on a workbook of another template version: an older one
 * gets an Upgrade button and one line saying what it adds; a newer one is refused in a sentence.
 */
export function UpgradeCard({ version, problem, run, onDone, onProblems }: Props) {
  const { busy, run: act } = useAction(onDone, onProblems);
  const older = version < TEMPLATE_VERSION;
  return (
    <Card aria-label="Template version">
      <CardHeader
        header={
          <Subtitle2 as="h2">
            {older ? 'Upgrade this workbook' : 'Made by a newer implan'}
          </Subtitle2>
        }
      />
      <Body1>
        {older
          ? `Made with template version ${version}: Upgrade adds review dates to Settings and each project card, and a forecast column to each budget, keeping everything you typed.`
          : problem.message}
      </Body1>
      {older && (
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => void act(() => upgradeWorkbook({ run }))}
        >
          {busy ? 'Upgrading…' : 'Upgrade'}
        </Button>
      )}
    </Card>
  );
}

import { Body1, Button, Card, CardHeader, Subtitle2 } from '@fluentui/react-components';
import type { Diagnostic } from '../../domain/diagnostics';
import { setUpPlan } from '../../excel/actions';
import { useAction } from '../useAction';

interface Props {
  onDone: () => Promise<void>;
  onProblems: (problems: Diagnostic[]) => void;
}

/** Shown on a workbook without a plan: one button creates Settings, Projects and How to use. */
export function SetUpCard({ onDone, onProblems }: Props) {
  const { busy, run } = useAction(onDone, onProblems);
  const setUp = () => run(() => setUpPlan());
  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h2">Set up an implementation plan</Subtitle2>} />
      <Body1>
        Adds a Settings sheet (currency, rating bands, categories, holidays), a Projects register
        and a short How to use sheet to this workbook. Nothing already here is changed.
      </Body1>
      <Button appearance="primary" disabled={busy} onClick={() => void setUp()}>
        {busy ? 'Setting up…' : 'Set up plan'}
      </Button>
    </Card>
  );
}

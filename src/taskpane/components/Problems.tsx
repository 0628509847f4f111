import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Diagnostic } from '../../domain/diagnostics';

/** Problems as message bars; their text is data from the workbook, rendered as text only. */
export function Problems({ problems }: { problems: readonly Diagnostic[] }) {
  return (
    <>
      {problems.map((p, i) => (
        <MessageBar key={i} intent={p.severity === 'error' ? 'error' : 'warning'}>
          <MessageBarBody>{p.message}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

import { Badge, Checkbox, Link, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Diagnostic } from '../../domain/diagnostics';
import type { RegistryEntry } from '../../domain/template/registry-sheet';
import type { ExcelRun } from '../../excel/host';
import { openSheet } from '../../excel/navigate';
import { removeProject, setIncluded } from '../../excel/actions';
import { useAction } from '../useAction';
import { ConfirmAction } from './ConfirmAction';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  item: { display: 'grid', gap: tokens.spacingVerticalXXS },
  line: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  name: { overflowWrap: 'anywhere', textAlign: 'left' },
});

interface Props {
  entries: readonly RegistryEntry[];
  run: ExcelRun;
  onDone: () => Promise<void>;
  onProblems: (problems: Diagnostic[]) => void;
}

/**
 * The registry as a list: open a project's sheet, include or exclude it, remove it from the
 * plan. Names come from cells and are rendered as text.
 */
export function ProjectList({ entries, run, onDone, onProblems }: Props) {
  const styles = useStyles();
  const [deleteSheet, setDeleteSheet] = useState(false);
  const { busy, run: act, attempt: open } = useAction(onDone, onProblems);
  const remove = async (entry: RegistryEntry) => {
    await act(() => removeProject(entry.code, { deleteSheet, run }));
  };

  if (entries.length === 0) return null;
  return (
    <ul className={styles.list} aria-label="Projects">
      {entries.map((e) => (
        <li key={e.code} className={styles.item}>
          <div className={styles.line}>
            <Link
              as="button"
              className={styles.name}
              onClick={() => void open(() => openSheet(e.sheet, run))}
            >
              {e.name}
            </Link>
            <Badge appearance="outline" color={e.included ? 'brand' : 'informative'}>
              {e.code}
            </Badge>
          </div>
          <div className={styles.line}>
            <Switch
              label="Included"
              checked={e.included}
              disabled={busy}
              aria-label={`Include ${e.name} in consolidation`}
              onChange={(_, d) => void act(() => setIncluded([e.code], d.checked, { run }))}
            />
            <ConfirmAction
              label="Remove…"
              buttonProps={{
                size: 'small',
                appearance: 'subtle',
                'aria-label': `Remove ${e.name} from the plan`,
              }}
              disabled={busy}
              onAsk={() => setDeleteSheet(false)}
              title={`Remove ${e.name} from the plan?`}
              confirmLabel={deleteSheet ? 'Remove and delete the sheet' : 'Remove from the plan'}
              onConfirm={() => remove(e)}
            >
              {`Its line goes from the Projects register and it is left out of consolidation. The sheet "${e.sheet}" and everything typed in it stay in the workbook unless you also choose to delete it.`}
              <Checkbox
                checked={deleteSheet}
                onChange={(_, d) => setDeleteSheet(d.checked === true)}
                label={`Also delete the sheet "${e.sheet}" and its data (cannot be undone)`}
              />
            </ConfirmAction>
          </div>
        </li>
      ))}
    </ul>
  );
}

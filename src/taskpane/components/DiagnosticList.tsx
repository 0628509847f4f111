import {
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ErrorCircle16Regular, Warning16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Diagnostic } from '../../domain/diagnostics';

/**
 * Problems drawn at first, and more per click: at 200 projects a Check can find thousands, and
 * drawing them all at once held the pane for over a second (npm run bench, bench-pane).
 */
const PAGE = 100;

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalXS },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'grid', gridTemplateColumns: '16px 1fr', gap: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
});

interface Props {
  diagnostics: readonly Diagnostic[];
  /** Selects the diagnostic's cell in Excel. */
  onSelect: (sheet: string, cell: string) => void;
}

/** Diagnostics grouped by project with counts; a located one is a link that selects its cell. */
export function DiagnosticList({ diagnostics, onSelect }: Props) {
  const styles = useStyles();
  // How many are drawn, for this list of diagnostics: a new Check starts again at one page.
  const [drawn, setDrawn] = useState({ of: diagnostics, count: PAGE });
  const shown = drawn.of === diagnostics ? drawn.count : PAGE;
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = d.project ?? 'Plan';
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  let budget = shown;
  return (
    <>
      {[...groups].map(([project, list]) => {
        const errors = list.filter((d) => d.severity === 'error').length;
        const warnings = list.length - errors;
        const drawnHere = list.slice(0, Math.max(0, budget));
        budget -= drawnHere.length;
        if (drawnHere.length === 0) return null;
        return (
          <section key={project} className={styles.group} aria-label={project}>
            <div className={styles.head}>
              <Subtitle2 as="h3">{project}</Subtitle2>
              {errors > 0 && (
                <Badge
                  color="danger"
                  appearance="tint"
                >{`${errors} error${errors === 1 ? '' : 's'}`}</Badge>
              )}
              {warnings > 0 && (
                <Badge color="warning" appearance="tint">
                  {`${warnings} warning${warnings === 1 ? '' : 's'}`}
                </Badge>
              )}
            </div>
            <ul className={styles.list}>
              {drawnHere.map((d, i) => (
                <li key={i} className={styles.item}>
                  {d.severity === 'error' ? (
                    <ErrorCircle16Regular className={styles.error} aria-label="Error" />
                  ) : (
                    <Warning16Regular className={styles.warning} aria-label="Warning" />
                  )}
                  {d.sheet && d.cell ? (
                    <Link as="button" onClick={() => onSelect(d.sheet!, d.cell!)}>
                      {d.message}
                    </Link>
                  ) : (
                    <Body1>{d.message}</Body1>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {diagnostics.length > shown && (
        <Button onClick={() => setDrawn({ of: diagnostics, count: shown + PAGE })}>
          {`Show ${Math.min(PAGE, diagnostics.length - shown)} more (${diagnostics.length - shown} not shown)`}
        </Button>
      )}
      {diagnostics.length > 0 && <Caption1>Click a problem to select its cell.</Caption1>}
    </>
  );
}

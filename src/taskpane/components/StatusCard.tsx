import { Body1, Caption1, Card, makeStyles, tokens } from '@fluentui/react-components';
import type { Diagnostic } from '../../domain/diagnostics';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, 1fr)',
    gap: tokens.spacingHorizontalS,
    textAlign: 'center',
  },
  figure: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  due: { color: tokens.colorPaletteRedForeground1 },
});

interface Props {
  projects: number;
  included: number;
  consolidatedAt: string | null;
  check: readonly Diagnostic[] | null;
  /** Projects whose last review is older than the Settings' period, or missing (pane's clock). */
  dueForReview: readonly { name: string; manager: string }[];
}

/** The plan at a glance: projects, when it was last consolidated, what the last check found. */
export function StatusCard({ projects, included, consolidatedAt, check, dueForReview }: Props) {
  const styles = useStyles();
  const errors = check?.filter((d) => d.severity === 'error').length ?? 0;
  return (
    <Card aria-label="Plan status">
      <div className={styles.grid}>
        <div>
          <div className={styles.figure}>{projects}</div>
          <Caption1>{`project(s), ${included} included`}</Caption1>
        </div>
        <div>
          <div className={styles.figure}>{check === null ? '–' : errors}</div>
          <Caption1>
            {check === null ? 'not checked yet' : `error(s), ${check.length - errors} warning(s)`}
          </Caption1>
        </div>
        <div>
          <div className={styles.figure}>{consolidatedAt ? '✓' : '–'}</div>
          <Caption1>{consolidatedAt ? 'consolidated' : 'not consolidated yet'}</Caption1>
        </div>
      </div>
      <Body1>
        {consolidatedAt
          ? `Last consolidated on ${consolidatedAt}.`
          : 'Add projects, check them, then consolidate.'}
      </Body1>
      {dueForReview.length > 0 && (
        <Body1 className={styles.due} aria-label="Due for review">
          {`Due for review: ${dueForReview
            .map((p) => (p.manager ? `${p.name} (${p.manager})` : p.name))
            .join(', ')}.`}
        </Body1>
      )}
    </Card>
  );
}

import { Badge, Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { RegistryEntry } from '../../domain/template/registry-sheet';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

/** The registry as a list; names come from cells and are rendered as text. */
export function ProjectList({ entries }: { entries: readonly RegistryEntry[] }) {
  const styles = useStyles();
  if (entries.length === 0) return null;
  return (
    <ul className={styles.list} aria-label="Projects">
      {entries.map((e) => (
        <li key={e.code} className={styles.item}>
          <Body1>{e.name}</Body1>
          <Badge appearance="outline" color={e.included ? 'brand' : 'informative'}>
            {e.code}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

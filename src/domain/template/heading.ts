import type { SheetItem } from '../plan/types';
import { styles } from './styles';

/** The title in A1 and the one-line hint in A2 that every implan sheet opens with. */
export function sheetHeading(title: string, hint: string): SheetItem[] {
  return [
    { kind: 'cells', at: 'A1', rows: [[title]] },
    { kind: 'format', range: 'A1', style: styles.title },
    { kind: 'cells', at: 'A2', rows: [[hint]] },
    { kind: 'format', range: 'A2', style: styles.hint },
  ];
}

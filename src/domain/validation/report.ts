import { type Diagnostic, compose } from '../diagnostics';

export interface Place {
  readonly project: string;
  readonly sheet: string;
  readonly table: string;
  readonly row: number;
  readonly cell: string;
}

/** Reports as diagnostics; the place goes in front of the sentence. */
export class Report {
  readonly diagnostics: Diagnostic[] = [];
  add(
    severity: 'error' | 'warning',
    code: string,
    place: Partial<Place> & { project: string },
    message: string,
  ): void {
    const where = [
      place.project,
      place.table,
      place.row !== undefined ? `row ${place.row}` : undefined,
    ]
      .filter((x) => x !== undefined)
      .join(', ');
    this.diagnostics.push({
      severity,
      code,
      project: place.project,
      ...(place.sheet !== undefined ? { sheet: place.sheet } : {}),
      ...(place.cell !== undefined ? { cell: place.cell } : {}),
      message: compose(`${where}${place.cell ? ` (cell ${place.cell})` : ''}`, message),
    });
  }
}

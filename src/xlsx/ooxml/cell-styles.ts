import type { CellStyle, HighlightStyle } from '../../domain/plan/types';
import { escapeXml } from './xml-text';

/**
 * The look of the cells implan writes itself, as styles.xml entries. Each style is resolved the
 * way render.ts has exceljs resolve it (a font always names Calibri 11, later formats merge
 * into earlier ones) and each entry is spelled as exceljs spells it, so a workbook exceljs
 * styled reuses the same entries and its sheets keep their look (decision 0015).
 */
interface Resolved {
  readonly numFmt?: string;
  readonly font?: {
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly size: number;
    readonly color?: string;
  };
  readonly fill?: string;
  readonly alignment?: {
    readonly horizontal?: string;
    readonly vertical?: string;
    readonly wrap?: boolean;
  };
  readonly border?: string;
}

/** The number formats Excel knows by id (exceljs's table): these get no numFmt entry. */
const BUILT_IN: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  'mm-dd-yy': 14,
  'd-mmm-yy': 15,
  'd-mmm': 16,
  'mmm-yy': 17,
  'h:mm AM/PM': 18,
  'h:mm:ss AM/PM': 19,
  'h:mm': 20,
  'h:mm:ss': 21,
  'm/d/yy "h":mm': 22,
  '#,##0 ;(#,##0)': 37,
  '#,##0 ;[Red](#,##0)': 38,
  '#,##0.00 ;(#,##0.00)': 39,
  '#,##0.00 ;[Red](#,##0.00)': 40,
  'mm:ss': 45,
  '[h]:mm:ss': 46,
  'mmss.0': 47,
  '##0.0E+0': 48,
  '@': 49,
};

/** A plan colour ("#0E5C4A") as styles.xml and exceljs spell it, opaque: "FF0E5C4A". */
export const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** Whether a cell style says anything of the font (then the cell gets a font of its own). */
export const setsFont = (style: CellStyle): boolean =>
  style.bold !== undefined ||
  style.italic !== undefined ||
  style.fontSize !== undefined ||
  style.fontColor !== undefined;

/** `style` laid over `base`, as render.ts's applyStyle lays it over an exceljs cell. */
function over(base: Resolved, style: CellStyle): Resolved {
  const out: { -readonly [K in keyof Resolved]: Resolved[K] } = { ...base };
  if (style.numberFormat !== undefined) out.numFmt = style.numberFormat;
  if (setsFont(style))
    out.font = {
      size: 11,
      ...base.font,
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.fontSize !== undefined ? { size: style.fontSize } : {}),
      ...(style.fontColor !== undefined ? { color: argb(style.fontColor) } : {}),
    };
  if (style.fill !== undefined) out.fill = argb(style.fill);
  if (style.hAlign !== undefined || style.vAlign !== undefined || style.wrap !== undefined)
    out.alignment = {
      ...base.alignment,
      ...(style.hAlign !== undefined ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign !== undefined ? { vertical: style.vAlign } : {}),
      ...(style.wrap !== undefined ? { wrap: style.wrap } : {}),
    };
  if (style.bottomBorder !== undefined) out.border = argb(style.bottomBorder);
  return out;
}

const fontXml = (f: NonNullable<Resolved['font']>) =>
  `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.color ? `<color rgb="${f.color}"/>` : ''}<family val="2"/><sz val="${f.size}"/><name val="Calibri"/></font>`;

function alignmentXml(a: NonNullable<Resolved['alignment']>): string {
  const attrs =
    (a.horizontal ? ` horizontal="${a.horizontal}"` : '') +
    (a.vertical ? ` vertical="${a.vertical}"` : '') +
    (a.wrap ? ' wrapText="1"' : '');
  return attrs ? `<alignment${attrs}/>` : '';
}

/** One list of entries, each kept once, its index its id. */
class Entries {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(initial: readonly string[] = []) {
    for (const e of initial) this.add(e);
  }
  add(xml: string): number {
    let id = this.index.get(xml);
    if (id === undefined) {
      id = this.list.length;
      this.index.set(xml, id);
      this.list.push(xml);
    }
    return id;
  }
}

/**
 * Cell formats and differential formats collected while sheets are written, ids local to this
 * collection; `xml()` gives them as a styles.xml that ooxml/styles.ts merges into the target.
 */
export class CellStyles {
  private readonly resolved: Resolved[] = [{}];
  private readonly keys = new Map<string, number>([['{}', 0]]);
  private readonly steps = new Map<string, number>();
  private readonly fonts = new Entries([
    '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>',
  ]);
  private readonly fills = new Entries([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Entries([
    '<border><left/><right/><top/><bottom/><diagonal/></border>',
  ]);
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Entries([
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ]);
  private readonly xfOf = new Map<number, number>();
  private readonly dxfs = new Entries();

  private readonly formatIds = new WeakMap<CellStyle, number>();
  private formats = 0;

  /** The style `style` makes of style `base` (0: none), worked out once per pair. */
  apply(base: number, style: CellStyle): number {
    let format = this.formatIds.get(style);
    if (format === undefined) this.formatIds.set(style, (format = this.formats++));
    const step = `${base}|${format}`;
    const known = this.steps.get(step);
    if (known !== undefined) return known;
    const next = over(this.resolved[base] ?? {}, style);
    const key = JSON.stringify(next);
    let id = this.keys.get(key);
    if (id === undefined) {
      id = this.resolved.length;
      this.resolved.push(next);
      this.keys.set(key, id);
    }
    this.steps.set(step, id);
    return id;
  }

  /** The cellXfs id (local) of a style, entered the first time a cell uses it. */
  cellXf(style: number): number {
    const known = this.xfOf.get(style);
    if (known !== undefined) return known;
    const r = this.resolved[style] ?? {};
    const numFmtId = r.numFmt === undefined ? 0 : this.numFmtId(r.numFmt);
    const fontId = r.font ? this.fonts.add(fontXml(r.font)) : 0;
    const borderId = r.border
      ? this.borders.add(
          `<border><left/><right/><top/><bottom style="thin"><color rgb="${r.border}"/></bottom><diagonal/></border>`,
        )
      : 0;
    const fillId = r.fill
      ? this.fills.add(
          `<fill><patternFill patternType="solid"><fgColor rgb="${r.fill}"/></patternFill></fill>`,
        )
      : 0;
    const apply =
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (r.alignment ? ' applyAlignment="1"' : '');
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${apply}`;
    const inner = r.alignment ? alignmentXml(r.alignment) : '';
    const id = this.xfs.add(inner ? `${head}>${inner}</xf>` : `${head}/>`);
    this.xfOf.set(style, id);
    return id;
  }

  /** The dxfs id (local) of a conditional format's highlight. */
  dxf(style: HighlightStyle): number {
    const font =
      style.fontColor || style.bold
        ? `<font>${style.bold ? '<b/>' : ''}${style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : ''}</font>`
        : '';
    const fill = style.fill
      ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>`
      : '';
    return this.dxfs.add(`<dxf>${font}${fill}</dxf>`);
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(code);
    if (id === undefined) this.numFmts.set(code, (id = 164 + this.numFmts.size));
    return id;
  }

  /** The collected entries as a styles.xml of their own. */
  xml(): string {
    const list = (name: string, items: readonly string[]) =>
      `<${name} count="${items.length}">${items.join('')}</${name}>`;
    const fmts = [...this.numFmts].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    return (
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (fmts.length > 0 ? list('numFmts', fmts) : '') +
      list('fonts', this.fonts.list) +
      list('fills', this.fills.list) +
      list('borders', this.borders.list) +
      list('cellXfs', this.xfs.list) +
      list('dxfs', this.dxfs.list) +
      '</styleSheet>'
    );
  }
}

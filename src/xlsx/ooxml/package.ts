import JSZip from 'jszip';

/** A workbook implan cannot safely change; the message is one sentence for a finance user. */
export class PackageError extends Error {}

const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * An .xlsx package opened part by part. Parts are read lazily and only the ones implan sets are
 * rewritten; every other part keeps its exact bytes.
 */
export class XlsxPackage {
  private readonly cache = new Map<string, string>();
  /** Parts the package held when it was opened, by the lower-case name OPC compares. */
  private readonly opened: ReadonlySet<string>;
  private readonly rewritten = new Set<string>();

  private constructor(private readonly zip: JSZip) {
    this.opened = new Set(Object.keys(zip.files).map((p) => p.toLowerCase()));
  }

  /** Opens a package, refusing what implan cannot edit without damage. */
  static async load(bytes: Uint8Array, label = 'The workbook'): Promise<XlsxPackage> {
    if (startsWith(bytes, OLE))
      throw new PackageError(
        `${label} is password-protected or in the old .xls format; save it as an Excel Workbook (.xlsx) and try again.`,
      );
    if (!startsWith(bytes, ZIP))
      throw new PackageError(`${label} is not an Excel workbook (.xlsx): it is not a zip package.`);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch {
      throw new PackageError(`${label} is damaged: its zip package cannot be read.`);
    }
    const pkg = new XlsxPackage(zip);
    if (!pkg.has('xl/workbook.xml'))
      throw new PackageError(
        pkg.has('xl/workbook.bin')
          ? `${label} is a binary workbook (.xlsb); save it as an Excel Workbook (.xlsx) and try again.`
          : `${label} is not an Excel workbook: it has no workbook part.`,
      );
    const workbook = await pkg.text('xl/workbook.xml');
    if (workbook.includes('http://purl.oclc.org/ooxml/spreadsheetml/main'))
      throw new PackageError(
        `${label} is saved as Strict Open XML; save it as an ordinary Excel Workbook (.xlsx) and try again.`,
      );
    if (/<\w+:workbook[\s>]/.test(workbook))
      throw new PackageError(
        `${label} was written with namespace prefixes implan does not edit; open and save it once in Excel, then try again.`,
      );
    return pkg;
  }

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  /**
   * Whether a part of this name exists as OPC compares part names: ignoring ASCII case
   * (ECMA-376 Part 2, M1.12). A new part must not equal an existing one even so.
   */
  hasIgnoringCase(path: string): boolean {
    const lower = path.toLowerCase();
    return Object.keys(this.zip.files).some((p) => p.toLowerCase() === lower);
  }

  /** Parts that existed when the package was opened and have been rewritten since. */
  rewrittenParts(): string[] {
    return [...this.rewritten];
  }

  async text(path: string): Promise<string> {
    const cached = this.cache.get(path);
    if (cached !== undefined) return cached;
    const file = this.zip.file(path);
    if (!file) throw new PackageError(`The workbook is damaged: the part ${path} is missing.`);
    const text = await file.async('string');
    this.cache.set(path, text);
    return text;
  }

  setText(path: string, xml: string): void {
    this.cache.set(path, xml);
    if (this.opened.has(path.toLowerCase())) this.rewritten.add(path);
    // A fixed timestamp keeps the output a function of the input: same plan, same bytes.
    const date = this.zip.file(path)?.date ?? FIXED_DATE;
    this.zip.file(path, xml, { date });
  }

  remove(path: string): void {
    this.cache.delete(path);
    this.zip.remove(path);
  }

  /** Gives every entry the same timestamp: for files implan makes from scratch. */
  stampDates(): void {
    for (const file of Object.values(this.zip.files)) file.date = FIXED_DATE;
  }

  async save(): Promise<Buffer> {
    return await this.zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
    });
  }
}

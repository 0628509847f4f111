import JSZip from 'jszip';
import { crc32, inflateRawSync } from 'node:zlib';

/** A workbook implan cannot safely change; the message is one sentence for a finance user. */
export class PackageError extends Error {}

const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * What implan unpacks, at most. A real workbook's largest part is its biggest sheet: about
 * 100 bytes of XML a cell, so 256 MB is some 2.5 million filled cells, beyond what a plan holds
 * and below the 512 MB where a JavaScript string ends (a part larger than that was a RangeError).
 * XML packs 5 to 30 times smaller; a part that unpacks more than 250 times larger than it is
 * stored is a zip bomb, not a sheet (checked only above 4 MB, where it starts to matter).
 */
export const PACKAGE_LIMITS = {
  partBytes: 256 * 2 ** 20,
  totalBytes: 1024 * 2 ** 20,
  parts: 20000,
  ratio: 250,
  ratioFrom: 4 * 2 ** 20,
} as const;

export type PackageLimits = { readonly [K in keyof typeof PACKAGE_LIMITS]: number };

interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly packed: number;
  readonly size: number;
  readonly data: Uint8Array;
}

const mb = (n: number) =>
  n >= 2 ** 30
    ? `${Math.round((n / 2 ** 30) * 10) / 10} GB`
    : `${Math.ceil(n / 2 ** 20).toLocaleString('en-US')} MB`;

/**
 * The entries of a zip's central directory, read before anything is unpacked so that sizes,
 * ratios and names are checked first; null when the directory itself cannot be read.
 */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const packed = view.getUint32(at + 20, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + packed > bytes.length) return null;
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      packed,
      size: view.getUint32(at + 24, true),
      data: bytes.subarray(start, start + packed),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** Why an entry name is unsafe: it could point outside the package or mean two things. */
function unsafeName(name: string): string | null {
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.split('/').some((s) => s === '..' || s === '.')) return 'a ".." step out of the package';
  if (/[\u0000-\u001f]/.test(name)) return 'a control character';
  return null;
}

/**
 * Refuses a package that is damaged or hostile before jszip touches it: a directory that cannot
 * be read, too many or too large parts, a zip bomb, unsafe or duplicate names, encrypted entries,
 * and compressed data that does not unpack to exactly the size and checksum it declares.
 */
function checkZip(bytes: Uint8Array, label: string, limits: PackageLimits): void {
  const entries = zipEntries(bytes);
  if (!entries) throw new PackageError(`${label} is damaged: its zip package cannot be read.`);
  if (entries.length > limits.parts)
    throw new PackageError(
      `${label} has ${entries.length.toLocaleString('en-US')} parts; implan opens workbooks of up to ${limits.parts.toLocaleString('en-US')} parts.`,
    );
  const seen = new Set<string>();
  let total = 0;
  for (const e of entries) {
    const unsafe = unsafeName(e.name);
    if (unsafe)
      throw new PackageError(
        `${label} is not a safe workbook: its part ${JSON.stringify(e.name)} has ${unsafe} in its name.`,
      );
    // Part names are compared without regard to case (ISO/IEC 29500-2, 6.2.2.3).
    const key = e.name.toLowerCase();
    if (seen.has(key))
      throw new PackageError(
        `${label} is not a safe workbook: it holds two parts named ${JSON.stringify(e.name)}.`,
      );
    seen.add(key);
    if (e.flags & 1)
      throw new PackageError(
        `${label} has encrypted parts; remove the password in Excel, save it, and try again.`,
      );
    if (e.size === 0xffffffff || e.size > limits.partBytes)
      throw new PackageError(
        `${label} has a part of more than ${mb(Math.min(e.size, 2 ** 32))} when unpacked (${e.name}); implan opens parts of up to ${mb(limits.partBytes)}.`,
      );
    total += e.size;
    if (total > limits.totalBytes)
      throw new PackageError(
        `${label} unpacks to more than ${mb(limits.totalBytes)}; implan opens workbooks of up to ${mb(limits.totalBytes)} unpacked.`,
      );
  }
  for (const e of entries) {
    if (e.size > limits.ratioFrom && e.size > limits.ratio * Math.max(1, e.packed))
      throw new PackageError(
        `${label} is not a normal workbook: its part ${e.name} would grow ${Math.round(e.size / Math.max(1, e.packed)).toLocaleString('en-US')} times when unpacked, a sign of a zip bomb; implan refuses parts that grow more than ${limits.ratio} times.`,
      );
  }
  for (const e of entries) {
    const damaged = new PackageError(
      `${label} is damaged: the compressed data of its part ${e.name} cannot be read.`,
    );
    if (e.method !== 0 && e.method !== 8)
      throw new PackageError(
        `${label} uses a compression implan cannot read (method ${e.method} in ${e.name}); open and save it once in Excel, then try again.`,
      );
    let data: Uint8Array;
    try {
      // Never more than the size it declares: a lying header cannot make it unpack a bomb.
      data =
        e.method === 0 ? e.data : inflateRawSync(e.data, { maxOutputLength: Math.max(1, e.size) });
    } catch {
      throw damaged;
    }
    if (data.length !== e.size || crc32(data) !== e.crc) throw damaged;
  }
}

/**
 * An .xlsx package opened part by part. Parts are read lazily and only the ones implan sets are
 * rewritten; every other part keeps its exact bytes.
 */
export class XlsxPackage {
  private readonly cache = new Map<string, string>();
  /** Parts the package held when it was opened, by the lower-case name OPC compares. */
  private readonly opened: ReadonlySet<string>;
  /**
   * Parts it holds now, by lower-case name: kept as parts are set and removed, so finding a
   * fresh name among the 1,600 parts of 400 projects does not scan them all for every try.
   */
  private readonly present: Set<string>;
  private readonly rewritten = new Set<string>();

  private constructor(
    private readonly zip: JSZip,
    private readonly label = 'The workbook',
  ) {
    this.opened = new Set(Object.keys(zip.files).map((p) => p.toLowerCase()));
    this.present = new Set(this.opened);
  }

  /**
   * Opens a package, refusing what implan cannot edit without damage: each refusal is a
   * PackageError with one sentence, never a jszip or zlib exception.
   */
  static async load(
    bytes: Uint8Array,
    label = 'The workbook',
    limits: PackageLimits = PACKAGE_LIMITS,
  ): Promise<XlsxPackage> {
    if (startsWith(bytes, OLE))
      throw new PackageError(
        `${label} is password-protected or in the old .xls format; save it as an Excel Workbook (.xlsx) and try again.`,
      );
    if (!startsWith(bytes, ZIP))
      throw new PackageError(`${label} is not an Excel workbook (.xlsx): it is not a zip package.`);
    checkZip(bytes, label, limits);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch {
      throw new PackageError(`${label} is damaged: its zip package cannot be read.`);
    }
    const pkg = new XlsxPackage(zip, label);
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
    return this.present.has(path.toLowerCase());
  }

  /** Parts that existed when the package was opened and have been rewritten since. */
  rewrittenParts(): string[] {
    return [...this.rewritten];
  }

  async text(path: string): Promise<string> {
    const cached = this.cache.get(path);
    if (cached !== undefined) return cached;
    const file = this.zip.file(path);
    if (!file) throw new PackageError(`${this.label} is damaged: the part ${path} is missing.`);
    let text: string;
    try {
      text = await file.async('string');
    } catch {
      throw new PackageError(`${this.label} is damaged: its part ${path} cannot be read.`);
    }
    this.cache.set(path, text);
    return text;
  }

  setText(path: string, xml: string): void {
    this.cache.set(path, xml);
    if (this.opened.has(path.toLowerCase())) this.rewritten.add(path);
    // A fixed timestamp keeps the output a function of the input: same plan, same bytes.
    const date = this.zip.file(path)?.date ?? FIXED_DATE;
    // No folder entries: a package needs none, and JSZip would stamp them with the clock.
    this.zip.file(path, xml, { date, createFolders: false });
    this.present.add(path.toLowerCase());
  }

  remove(path: string): void {
    this.cache.delete(path);
    this.zip.remove(path);
    const lower = path.toLowerCase();
    // Another part may differ from it in case only (OPC forbids it; a damaged file may not).
    if (!Object.keys(this.zip.files).some((p) => p.toLowerCase() === lower))
      this.present.delete(lower);
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

/** The first `folder/stemN.xml` the package does not hold (part names ignore case). */
export function freshPath(pkg: XlsxPackage, folder: string, stem: string): string {
  for (let n = 1; ; n++) {
    const path = `${folder}/${stem}${n}.xml`;
    if (!pkg.hasIgnoringCase(path)) return path;
  }
}

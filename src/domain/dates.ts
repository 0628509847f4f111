/**
 * Calendar dates as Excel serial numbers (1900 date system). Serial 1 is 1900-01-01 and Excel
 * counts the non-existent 1900-02-29, so for every date from 1900-03-01 on the serial is the
 * number of days since 1899-12-30. implan only deals in dates after that.
 */

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * The days implan plans in, 1990-01-01 to 2100-12-31, in cells and in plan files alike. Well
 * inside Excel's calendar (1900-01-01 to 9999-12-31) and past the 1900 leap-year quirk, so a
 * date inside it always has one serial and means the same in Excel and LibreOffice; a date
 * outside it is a typing slip in a finance plan.
 */
export const FIRST_PLAN_DAY = '1990-01-01';
export const LAST_PLAN_DAY = '2100-12-31';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** True when `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** True for a real date written YYYY-MM-DD within the days implan plans in. */
export function isPlanDate(text: string): boolean {
  return isIsoDate(text) && text >= FIRST_PLAN_DAY && text <= LAST_PLAN_DAY;
}

export function isIsoMonth(text: string): boolean {
  const m = ISO_MONTH.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function isoToSerial(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  return (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EPOCH_MS) / DAY_MS;
}

/** "2025-03" -> serial of 2025-03-01. */
export function monthToSerial(month: string): number {
  return isoToSerial(`${month}-01`);
}

/** The UTC midnight a serial number stands for, for calendar arithmetic with Date. */
export function serialToDate(serial: number): Date {
  return new Date(EPOCH_MS + Math.round(serial) * DAY_MS);
}

/** The serial of a date at (or near) UTC midnight, as dates parsed from ISO text are. */
export function dateToSerial(date: Date): number {
  return Math.round((date.getTime() - EPOCH_MS) / DAY_MS);
}

/**
 * Today's serial on the clock's calendar in local time, as Excel's TODAY() counts it: the day
 * the user sees, not the nearest UTC midnight (which is tomorrow from noon UTC on).
 */
export function todaySerial(now: Date = new Date()): number {
  return dateToSerial(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function serialToIso(serial: number): string {
  return serialToDate(serial).toISOString().slice(0, 10);
}

/**
 * The serial of the first day of the month `serial` falls in: what
 * `monthToSerial(serialToMonth(serial))` gives, without the text (consolidation asks it for
 * every budget line).
 */
export function monthStartOf(serial: number): number {
  const d = serialToDate(serial);
  return dateToSerial(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)));
}

export function serialToMonth(serial: number): string {
  return serialToIso(serial).slice(0, 7);
}

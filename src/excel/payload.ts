/**
 * The size of a request as Excel on the web counts it. "Payload size limit best practices"
 * (learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices):
 * the payload "combines the number of API calls, the number of objects, such as Range objects,
 * and the length of the value to set or get", and both a request and a response are limited to
 * 5 MB. The page gives no figure per call, so implan charges one generously: it is an estimate
 * the writer keeps under its budget, not a measurement.
 */

/** What one API call and the objects it creates are taken to cost, in bytes. */
export const CALL_BYTES = 96;

/** The UTF-8 size of a value's JSON, counted by hand so it runs where TextEncoder is missing. */
export function utf8Length(value: unknown): number {
  const text = JSON.stringify(value ?? null);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The estimated cost of `calls` API calls that carry `payload`. */
export const requestCost = (payload: unknown, calls = 1): number =>
  utf8Length(payload) + calls * CALL_BYTES;

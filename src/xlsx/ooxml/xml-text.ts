/**
 * Small helpers for editing OOXML as text. implan splices into the parts it must touch instead
 * of parsing and re-serialising them, so every byte it did not mean to change stays as it was.
 */

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Attributes of one start tag, values unescaped. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
    if (m[1]) out[m[1]] = unescapeXml(m[3] ?? m[4] ?? '');
  return out;
}

/** Sets (or adds) one attribute in a start tag. */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace('.', '\\.')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}

/** Every element `<name ...>...</name>` or `<name .../>` (not nested in itself), with offsets. */
export function elements(
  xml: string,
  name: string,
): { text: string; start: number; end: number }[] {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g');
  return [...xml.matchAll(re)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The start tag of an element's text. */
export function startTag(element: string): string {
  return /^<[^>]*>/.exec(element)?.[0] ?? element;
}

/** Inserts `insert` just before `</name>`, or expands `<name .../>` to hold it. */
export function appendChild(xml: string, name: string, insert: string): string {
  const close = xml.lastIndexOf(`</${name}>`);
  if (close >= 0) return xml.slice(0, close) + insert + xml.slice(close);
  const selfClosing = new RegExp(`<${name}(\\s[^>]*)?/>`);
  const m = selfClosing.exec(xml);
  if (!m) throw new Error(`No <${name}> element`);
  return xml.replace(selfClosing, `<${name}${(m[1] ?? '').trimEnd()}>${insert}</${name}>`);
}

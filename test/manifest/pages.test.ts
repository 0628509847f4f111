import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const PAGES = [
  'src/taskpane/taskpane.html',
  'src/commands/commands.html',
  'src/commands/report.html',
  'src/help.html',
];

/** The policy of a page's meta tag, as directive -> sources. */
function policyOf(html: string): Map<string, string[]> {
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (!content) return new Map();
  return new Map(
    content.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('every page has a content security policy', () => {
  it.each(PAGES)('%s', (page) => {
    const html = readFileSync(path.join(root, page), 'utf8');
    const policy = policyOf(html);
    expect(policy.get('object-src') ?? policy.get('default-src')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^'none'$/)]),
    );
    const scripts = policy.get('script-src') ?? policy.get('default-src') ?? [];
    // Scripts from the add-in's host and Microsoft's Office.js CDN only; no eval, no inline.
    for (const source of scripts)
      expect(["'self'", 'https://appsforoffice.microsoft.com', "'none'"]).toContain(source);
    // No inline script: the only script tag is Office.js, from the template's one place.
    expect(html.match(/<script[\s\S]*?<\/script>/g) ?? []).toEqual(
      page === 'src/help.html' ? [] : ['<script src="<%= officeJs %>"></script>'],
    );
  });
});

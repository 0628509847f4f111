import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/* eslint-disable @typescript-eslint/no-require-imports */
const { checkManifest } = require('../../scripts/manifest-check.js') as {
  checkManifest(
    xml: string,
    files: { readFile(rel: string): Buffer | null },
    options?: { base?: string; version?: string; source?: boolean },
  ): string[];
};
const { addinBase, deployManifest, manifestVersion } = require('../../scripts/lib/deploy.js') as {
  addinBase(value: string | undefined): string;
  deployManifest(xml: string, at: { base: string; version: string }): string;
  manifestVersion(version: string): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const root = path.join(__dirname, '..', '..');
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
};
// A build's folder holds taskpane.html and commands.html at its top; the sources do elsewhere.
const pages: Record<string, string> = {
  'taskpane.html': 'src/taskpane/taskpane.html',
  'commands.html': 'src/commands/commands.html',
  'help.html': 'src/help.html',
};
const built = {
  readFile: (rel: string) => {
    const file = path.join(root, pages[rel] ?? rel);
    return existsSync(file) ? readFileSync(file) : null;
  },
};

describe('the manifest for a tenant (ADDIN_URL)', () => {
  const base = addinBase('https://addins.contoso.com/implan/');
  const deployed = deployManifest(manifest, { base, version: '2.3.4' });

  it('puts every URL at the host and none at localhost', () => {
    expect(base).toBe('https://addins.contoso.com/implan');
    expect(deployed).not.toMatch(/localhost/);
    const urls = [...deployed.matchAll(/https?:\/\/[^"<\s]+/g)]
      .map((m) => m[0])
      .filter((u) => !u.startsWith('http://schemas.') && !u.startsWith('http://www.w3.org'));
    expect(urls.length).toBe(11);
    for (const url of urls) expect(url).toMatch(/^https:\/\/addins\.contoso\.com(\/implan\/|$)/);
    expect(deployed).toContain('<AppDomain>https://addins.contoso.com</AppDomain>');
  });

  it('takes the Version from package.json and passes the offline check', () => {
    expect(deployed).toContain('<Version>2.3.4.0</Version>');
    expect(checkManifest(deployed, built, { base, version: '2.3.4', source: false })).toEqual([]);
  });

  it('finds a URL left at another host', () => {
    const stray = deployed.replace(
      'https://addins.contoso.com/implan/help.html"/>\n  <AppDomains',
      'https://localhost:3000/help.html"/>\n  <AppDomains',
    );
    expect(checkManifest(stray, built, { base, source: false }).join('\n')).toContain(
      'https://localhost:3000/help.html must be https on https://addins.contoso.com/implan',
    );
  });

  it('keeps the development URLs when ADDIN_URL is unset', () => {
    expect(addinBase(undefined)).toBe('https://localhost:3000');
    expect(addinBase('')).toBe('https://localhost:3000');
  });

  it.each([
    ['http://addins.contoso.com', 'must start with https://'],
    ['addins.contoso.com/implan', 'is not a URL'],
    ['https://addins.contoso.com/implan?v=2', 'plain folder URL'],
  ])('refuses ADDIN_URL=%s with a sentence', (value, sentence) => {
    expect(() => addinBase(value)).toThrow(sentence);
  });
});

describe('manifest Version', () => {
  it('is package.json version with a fourth part', () => {
    expect(manifestVersion('1.2.3')).toBe('1.2.3.0');
    expect(() => manifestVersion('1.2')).toThrow('MAJOR.MINOR.PATCH');
  });

  it('of the repository manifest matches package.json', () => {
    const files = {
      readFile: (rel: string) =>
        existsSync(path.join(root, rel)) ? readFileSync(path.join(root, rel)) : null,
    };
    expect(checkManifest(manifest, files, { version })).toEqual([]);
    expect(checkManifest(manifest, files, { version: '9.9.9' }).join('\n')).toContain(
      "Version 1.0.0.0 is not package.json's 9.9.9 (9.9.9.0)",
    );
  });
});

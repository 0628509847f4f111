import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require('../../scripts/manifest-check.js') as {
  checkManifest(xml: string, files: { readFile(rel: string): Buffer | null }): string[];
};

const root = path.join(__dirname, '..', '..');
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const files = {
  readFile: (rel: string) =>
    existsSync(path.join(root, rel)) ? readFileSync(path.join(root, rel)) : null,
};

describe('manifest.xml, checked offline', () => {
  it('has no problems', () => {
    expect(checkManifest(manifest, files)).toEqual([]);
  });

  it.each([
    [
      'a broken resid',
      (x: string) => x.replace('resid="Taskpane.Url"', 'resid="Taskpane.Nope"'),
      'resid Taskpane.Nope names no resource',
    ],
    [
      'more permission than needed',
      (x: string) => x.replace('>ReadWriteDocument<', '>ReadAllDocument<'),
      'Permissions must be ReadWriteDocument',
    ],
    [
      'a mailbox permission',
      (x: string) => x.replace('>ReadWriteDocument<', '>ReadWriteMailbox<'),
      'Permissions must be ReadWriteDocument',
    ],
    [
      'an http URL',
      (x: string) =>
        x.replace(
          'https://localhost:3000/help.html"/>\n  <AppDomains',
          'http://localhost:3000/help.html"/>\n  <AppDomains',
        ),
      'must be https on',
    ],
    [
      'a missing icon file',
      (x: string) => x.replace(/icon-80\.png/g, 'icon-81.png'),
      'which does not exist',
    ],
    [
      'a wrong icon size',
      (x: string) =>
        x.replace(
          '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"',
          '<IconUrl DefaultValue="https://localhost:3000/assets/icon-16.png"',
        ),
      'is 16x16, not 32x32',
    ],
    ['malformed XML', (x: string) => x.replace('</Hosts>', '</Host>'), 'not well-formed'],
    [
      'a duplicate resource id',
      (x: string) => x.replace('<bt:Image id="Icon.32x32"', '<bt:Image id="Icon.16x16"'),
      'defined twice',
    ],
    [
      'an Id that is no GUID',
      (x: string) => x.replace(/<Id>[^<]+<\/Id>/, '<Id>implan</Id>'),
      'is not a GUID',
    ],
    [
      'elements out of order',
      (x: string) =>
        x.replace(
          /(\s*<Version>1\.0\.0\.0<\/Version>)(\s*<ProviderName>Implan<\/ProviderName>)/,
          '$2$1',
        ),
      'out of schema order',
    ],
  ])('finds %s', (_, mutate, problem) => {
    const mutated = mutate(manifest);
    expect(mutated).not.toBe(manifest);
    expect(checkManifest(mutated, files).join('\n')).toContain(problem);
  });
});

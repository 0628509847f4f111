#!/usr/bin/env node
'use strict';
/**
 * An offline check of manifest.xml. `office-addin-manifest validate` calls a web service, so
 * CI checks the structure itself: order of the required elements, permission, URLs and the
 * files they name, icon sizes, that every resid resolves and that Version is package.json's.
 *
 *   node scripts/manifest-check.js          the repository's manifest.xml (development URLs)
 *   node scripts/manifest-check.js --built  dist/addin/manifest.xml, every URL at ADDIN_URL
 *                                           (or the development server when it is unset)
 */
const fs = require('node:fs');
const path = require('node:path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');
const { DEV_BASE, addinBase, manifestVersion } = require('./lib/deploy');
const ORDER = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];
const FILES = {
  '/taskpane.html': 'src/taskpane/taskpane.html',
  '/commands.html': 'src/commands/commands.html',
  '/help.html': 'src/help.html',
};

/** Pixel size of a PNG from its IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes) {
  if (!bytes || bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * @param {string} xml
 * @param {{ readFile(rel: string): Buffer | null }} files
 * @param {{ base?: string; version?: string; source?: boolean }} [options] base: where every URL
 *   must point; version: package.json's, which Version must match; source: files are the
 *   repository's (taskpane.html is src/taskpane/taskpane.html), not a build's
 * @returns {string[]} problems, one sentence each; empty when the manifest is sound
 */
function checkManifest(xml, files, options = {}) {
  const ORIGIN = options.base ?? DEV_BASE;
  const appDomain = new URL(ORIGIN).origin;
  const source = options.source ?? true;
  const problems = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return [`manifest.xml is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    preserveOrder: false,
  }).parse(xml);
  const app = doc.OfficeApp;
  if (!app) return ['the root element must be OfficeApp'];
  if (app['@xsi:type'] !== 'TaskPaneApp')
    problems.push('OfficeApp must have xsi:type="TaskPaneApp"');
  if (app['@xmlns'] !== 'http://schemas.microsoft.com/office/appforoffice/1.1')
    problems.push('OfficeApp has the wrong default namespace');
  const ordered =
    new XMLParser({ preserveOrder: true }).parse(xml).find((n) => n.OfficeApp)?.OfficeApp ?? [];
  const seen = ordered.map((n) => Object.keys(n)[0]).filter((k) => ORDER.includes(k));
  const expected = ORDER.filter((k) => seen.includes(k));
  if (seen.join() !== expected.join())
    problems.push(`elements are out of schema order: ${seen.join(', ')}`);
  for (const k of ORDER) if (!(k in app)) problems.push(`the element ${k} is missing`);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(app.Id)))
    problems.push(`Id "${app.Id}" is not a GUID`);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(String(app.Version)))
    problems.push(`Version "${app.Version}" must have four parts`);
  else if (options.version && String(app.Version) !== manifestVersion(options.version))
    problems.push(
      `Version ${app.Version} is not package.json's ${options.version} (${manifestVersion(options.version)})`,
    );
  if (app.Permissions !== 'ReadWriteDocument')
    problems.push(
      `Permissions must be ReadWriteDocument (least that works), not ${app.Permissions}`,
    );

  const urls = [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)\s*(https?:\/\/[^"<\s]+)/g)].map(
    (m) => m[1],
  );
  for (const url of urls) {
    if (url === appDomain && xml.includes(`<AppDomain>${url}</AppDomain>`)) continue;
    if (!url.startsWith(`${ORIGIN}/`) && url !== ORIGIN) {
      problems.push(`${url} must be https on ${ORIGIN}`);
      continue;
    }
    const p = url.slice(ORIGIN.length);
    if (p === '') continue;
    const rel = (source ? FILES[p] : undefined) ?? p.slice(1);
    if (files.readFile(rel) === null) problems.push(`${url} names ${rel}, which does not exist`);
  }
  const icon = (url, size, where) => {
    const rel = String(url).slice(ORIGIN.length + 1);
    const dims = pngSize(files.readFile(rel));
    if (dims && (dims.width !== size || dims.height !== size))
      problems.push(`${where} ${rel} is ${dims.width}x${dims.height}, not ${size}x${size}`);
  };
  icon(app.IconUrl?.['@DefaultValue'], 32, 'IconUrl');
  icon(app.HighResolutionIconUrl?.['@DefaultValue'], 64, 'HighResolutionIconUrl');

  const resources = [
    ...xml.matchAll(/<bt:(Image|Url|String)\s+id="([^"]+)"\s+DefaultValue="([^"]*)"/g),
  ].map((m) => ({ kind: m[1], id: m[2], value: m[3], at: m.index }));
  const ids = new Map();
  for (const r of resources) {
    if (ids.has(r.id)) problems.push(`the resource id ${r.id} is defined twice`);
    ids.set(r.id, r);
    if (r.id.length > 32) problems.push(`the resource id ${r.id} is longer than 32 characters`);
    const longString =
      xml.lastIndexOf('<bt:LongStrings>', r.at) > xml.lastIndexOf('<bt:ShortStrings>', r.at);
    if (r.kind === 'String' && r.value.length > (longString ? 250 : 125))
      problems.push(`the string ${r.id} is too long`);
  }
  const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
  for (const id of new Set(used)) if (!ids.has(id)) problems.push(`resid ${id} names no resource`);
  for (const id of ids.keys())
    if (!used.includes(id)) problems.push(`the resource ${id} is never used`);
  for (const m of xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)) {
    const r = ids.get(m[2]);
    if (r) icon(r.value, Number(m[1]), `icon ${m[2]}`);
  }
  return problems;
}

module.exports = { checkManifest };

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const built = process.argv.includes('--built');
  const dir = built ? path.join(root, 'dist', 'addin') : root;
  const name = path.relative(root, path.join(dir, 'manifest.xml'));
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (!fs.existsSync(path.join(dir, 'manifest.xml'))) {
    console.error(`${name} does not exist: run npm run build first.`);
    process.exit(1);
  }
  const xml = fs.readFileSync(path.join(dir, 'manifest.xml'), 'utf8');
  let base = DEV_BASE;
  try {
    // A build is checked against ADDIN_URL when given, else against the host it was built for.
    const builtFor = /<SourceLocation DefaultValue="(https:\/\/[^"]+)\/taskpane\.html"/.exec(xml);
    if (built)
      base = process.env.ADDIN_URL ? addinBase(process.env.ADDIN_URL) : (builtFor?.[1] ?? DEV_BASE);
  } catch (e) {
    console.error(String(/** @type {Error} */ (e).message));
    process.exit(1);
  }
  const problems = checkManifest(
    xml,
    {
      readFile: (rel) =>
        fs.existsSync(path.join(dir, rel)) ? fs.readFileSync(path.join(dir, rel)) : null,
    },
    { base, version, source: !built },
  );
  for (const p of problems) console.error(`${name}: ${p}`);
  if (problems.length === 0) console.log(`${name}: no problems found (every URL on ${base})`);
  process.exit(problems.length === 0 ? 0 : 1);
}

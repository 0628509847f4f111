#!/usr/bin/env node
'use strict';
/**
 * An offline check of manifest.xml. `office-addin-manifest validate` calls a web service, so
 * CI checks the structure itself: order of the required elements, permission, URLs and the
 * files they name, icon sizes, and that every resid resolves.
 */
const fs = require('node:fs');
const path = require('node:path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

const ORIGIN = 'https://localhost:3000';
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
 * @returns {string[]} problems, one sentence each; empty when the manifest is sound
 */
function checkManifest(xml, files) {
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
  if (app.Permissions !== 'ReadWriteDocument')
    problems.push(
      `Permissions must be ReadWriteDocument (least that works), not ${app.Permissions}`,
    );

  const urls = [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)\s*(https?:\/\/[^"<\s]+)/g)].map(
    (m) => m[1],
  );
  for (const url of urls) {
    if (!url.startsWith(`${ORIGIN}/`) && url !== ORIGIN) {
      problems.push(`${url} must be https on ${ORIGIN}`);
      continue;
    }
    const p = url.slice(ORIGIN.length);
    if (p === '') continue;
    const rel = FILES[p] ?? p.slice(1);
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
  const problems = checkManifest(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'), {
    readFile: (rel) =>
      fs.existsSync(path.join(root, rel)) ? fs.readFileSync(path.join(root, rel)) : null,
  });
  for (const p of problems) console.error(`manifest.xml: ${p}`);
  if (problems.length === 0) console.log('manifest.xml: no problems found');
  process.exit(problems.length === 0 ? 0 : 1);
}

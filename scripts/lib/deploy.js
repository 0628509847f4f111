// @ts-check
'use strict';
/**
 * Where the add-in is served and which version it is: shared by webpack (which writes the
 * deployed manifest) and the manifest check (which checks it), so both agree on one rule.
 */

/** The development server: manifest.xml in the repository names only this origin. */
const DEV_BASE = 'https://localhost:3000';

/**
 * The base URL of the hosted add-in from ADDIN_URL, without a trailing slash; the development
 * server when ADDIN_URL is unset. Throws a sentence for a value Office would refuse.
 * @param {string | undefined} value
 * @returns {string}
 */
function addinBase(value) {
  if (value === undefined || value.trim() === '') return DEV_BASE;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(
      `ADDIN_URL "${value}" is not a URL; give one like https://addins.example.com/implan.`,
    );
  }
  if (url.protocol !== 'https:')
    throw new Error(
      `ADDIN_URL "${value}" must start with https://: Office loads add-ins over HTTPS only.`,
    );
  if (url.search || url.hash || url.username || url.password)
    throw new Error(
      `ADDIN_URL "${value}" must be a plain folder URL, without ?query, #fragment or credentials.`,
    );
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The manifest's four-part Version from package.json's three-part one (1.2.3 becomes 1.2.3.0).
 * @param {string} version
 */
function manifestVersion(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`package.json version "${version}" must be MAJOR.MINOR.PATCH.`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/**
 * manifest.xml for a host: every development URL moved to `base`, the AppDomain to its origin,
 * and the Version from package.json.
 * @param {string} xml
 * @param {{ base: string; version: string }} at
 */
function deployManifest(xml, at) {
  const origin = new URL(at.base).origin;
  return xml
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(at.version)}</Version>`)
    .replace(`<AppDomain>${DEV_BASE}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`)
    .replaceAll(`${DEV_BASE}/`, `${at.base}/`);
}

module.exports = { DEV_BASE, addinBase, manifestVersion, deployManifest };

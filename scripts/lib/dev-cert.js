// @ts-check
'use strict';
/**
 * The development certificate for https://localhost:3000: made with office-addin-dev-certs (but
 * trusted, or not, by us: its Linux check always answers "installed", and its install needs
 * sudo), checked for expiry, and its trust told plainly with the command that fixes it.
 */
const { spawnSync } = require('node:child_process');
const { X509Certificate } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const FILES = {
  ca: path.join(DIR, 'ca.crt'),
  cert: path.join(DIR, 'localhost.crt'),
  key: path.join(DIR, 'localhost.key'),
};
const DAY = 24 * 60 * 60 * 1000;

/**
 * @param {Date} now
 * @returns {{ state: 'missing' } | { state: 'expiring' | 'valid', validTo: Date }}
 */
function certificateState(now = new Date()) {
  if (!Object.values(FILES).every((f) => fs.existsSync(f))) return { state: 'missing' };
  const ends = [FILES.ca, FILES.cert].map(
    (f) => new Date(new X509Certificate(fs.readFileSync(f)).validTo),
  );
  const validTo = new Date(Math.min(...ends.map((d) => d.getTime())));
  return { state: validTo.getTime() - now.getTime() < DAY ? 'expiring' : 'valid', validTo };
}

/** Makes a new CA and localhost certificate valid for `days`, replacing any old ones. */
async function makeCertificates(days = 30) {
  const { generateCertificates } = require('office-addin-dev-certs');
  for (const f of Object.values(FILES)) fs.rmSync(f, { force: true });
  fs.mkdirSync(DIR, { recursive: true });
  await generateCertificates(FILES.ca, FILES.cert, FILES.key, days);
}

/**
 * Whether this machine trusts the localhost certificate: true, false, or null when it cannot
 * tell (no openssl on Linux).
 * @returns {boolean | null}
 */
function isTrusted() {
  if (process.platform === 'linux') {
    const r = spawnSync('openssl', ['verify', '-CApath', '/etc/ssl/certs', FILES.cert], {
      encoding: 'utf8',
    });
    return r.error ? null : r.status === 0;
  }
  try {
    const { isCaCertificateInstalled } = require('office-addin-dev-certs');
    return Boolean(isCaCertificateInstalled());
  } catch {
    return null;
  }
}

const root = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The exact command that makes this machine trust the development CA. */
function trustCommand() {
  if (process.platform === 'linux') {
    const sudo = root() ? '' : 'sudo ';
    return `${sudo}cp ${FILES.ca} /usr/local/share/ca-certificates/office-addin-dev-certs.crt && ${sudo}update-ca-certificates`;
  }
  return 'npx office-addin-dev-certs install';
}

module.exports = { DIR, FILES, certificateState, makeCertificates, isTrusted, trustCommand };

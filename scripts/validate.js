#!/usr/bin/env node
'use strict';
/**
 * `npm run validate`: the offline structural check of manifest.xml (and of the built one, when
 * there is a build), then Microsoft's online validation service when it can be reached. Offline,
 * the service is skipped with one line saying so; the offline check decides the exit code.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const node = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status;

let failed = node([path.join(__dirname, 'manifest-check.js')]) !== 0;
if (fs.existsSync(path.join(root, 'dist', 'addin', 'manifest.xml')))
  failed = node([path.join(__dirname, 'manifest-check.js'), '--built']) !== 0 || failed;
if (failed) process.exit(1);

const cli = require.resolve('office-addin-manifest/cli.js');
const online = spawnSync(process.execPath, [cli, 'validate', 'manifest.xml'], {
  cwd: root,
  encoding: 'utf8',
  timeout: 60_000,
});
const said = `${online.stdout ?? ''}${online.stderr ?? ''}`;
if (/Unable to contact|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(said) || online.error) {
  console.log(
    "Microsoft's online manifest validation service could not be reached from this machine, so it was skipped; the offline check above passed.",
  );
  process.exit(0);
}
process.stdout.write(said);
process.exit(online.status === 0 ? 0 : 1);

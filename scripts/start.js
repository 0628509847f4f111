#!/usr/bin/env node
'use strict';
/**
 * `npm start`: makes sure development certificates exist, prints how to sideload the add-in,
 * then serves it on https://localhost:3000 with webpack-dev-server.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const certs = path.join(os.homedir(), '.office-addin-dev-certs');
const needed = ['localhost.crt', 'localhost.key', 'ca.crt'].map((f) => path.join(certs, f));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (!needed.every((f) => fs.existsSync(f))) {
  console.log('Creating development certificates for https://localhost:3000 ...');
  // It also tries to trust the CA system-wide, which needs sudo and may fail: the files are what we need.
  spawnSync(bin('office-addin-dev-certs'), ['install', '--days', '30'], {
    stdio: 'inherit',
    cwd: root,
  });
  if (!needed.every((f) => fs.existsSync(f))) {
    console.error(
      `Could not create the development certificates in ${certs}; run "npx office-addin-dev-certs install" and try again.`,
    );
    process.exit(1);
  }
}

const manifest = path.join(root, 'manifest.xml');
console.log(`
Implan is being served on https://localhost:3000 (taskpane.html).
Your browser or Excel must trust the development certificate: open https://localhost:3000/help.html
once and accept it, or import ${path.join(certs, 'ca.crt')} as a trusted root.

Sideload the add-in with ${manifest}:
  Excel on the web: open a workbook, Home > Add-ins > More Add-ins > My Add-ins >
                    Upload My Add-in, and choose manifest.xml.
  Excel on Windows: share the folder holding manifest.xml, add its network path under
                    File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs
                    (tick "Show in Menu"), restart Excel, then Home > Add-ins > Advanced >
                    Shared Folder and choose Implan.
  Excel on Mac:     copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                    (create the folder if needed), restart Excel, then Home > Add-ins.
Then choose Open Implan on the Home tab. Stop the server with Ctrl+C.
`);

const server = spawn(bin('webpack'), ['serve', '--mode', 'development'], {
  stdio: 'inherit',
  cwd: root,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

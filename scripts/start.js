#!/usr/bin/env node
'use strict';
/**
 * `npm start`: makes sure a development certificate exists and has not expired, says plainly
 * whether this machine trusts it (and how to make it), prints how to sideload the add-in, then
 * serves it on https://localhost:3000 with webpack-dev-server. `npm run stop` ends it.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const cert = require('./lib/dev-cert');

const root = path.join(__dirname, '..');
const pidFile = path.join(root, 'out', 'dev-server.pid');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

async function ensureCertificate() {
  const before = cert.certificateState();
  if (before.state !== 'valid') {
    console.log(
      before.state === 'missing'
        ? `Creating a development certificate for https://localhost:3000 in ${cert.DIR} ...`
        : `The development certificate expired or expires within a day (${before.validTo.toISOString()}); making a new one ...`,
    );
    await cert.makeCertificates(30);
  }
  const now = cert.certificateState();
  if (now.state !== 'valid') {
    console.error(`Could not create a development certificate in ${cert.DIR}.`);
    process.exit(1);
  }
  const trusted = cert.isTrusted();
  const until = `valid until ${now.validTo.toISOString().slice(0, 10)}`;
  if (trusted === true) console.log(`The development certificate is trusted (${until}).`);
  else
    console.log(
      `${trusted === false ? 'The development certificate is NOT trusted by this machine' : 'Could not tell whether this machine trusts the development certificate'} (${until}).
Excel and browsers refuse the add-in until it is. To trust it, run:
  ${cert.trustCommand()}
or import ${cert.FILES.ca} as a trusted root in your browser (or open https://localhost:3000/help.html
once and accept the warning). Then restart Excel or the browser.`,
    );
}

async function main() {
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    try {
      process.kill(pid, 0);
      console.error(`The dev server is already running (process ${pid}); run npm run stop first.`);
      process.exit(1);
    } catch {
      fs.rmSync(pidFile, { force: true });
    }
  }
  await ensureCertificate();
  const manifest = path.join(root, 'manifest.xml');
  console.log(`
Implan is being served on https://localhost:3000 (taskpane.html), with Office.js from the
@microsoft/office-js package (production builds load it from Microsoft's CDN).

Sideload the add-in with ${manifest}:
  Excel on the web: open a workbook, Home > Add-ins > More Add-ins > My Add-ins >
                    Upload My Add-in, and choose manifest.xml.
  Excel on Windows: share the folder holding manifest.xml, add its network path under
                    File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs
                    (tick "Show in Menu"), restart Excel, then Home > Add-ins > Advanced >
                    Shared Folder and choose Implan.
  Excel on Mac:     copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                    (create the folder if needed), restart Excel, then Home > Add-ins.
Then choose Open Implan on the Home tab. Stop the server with Ctrl+C or npm run stop.
`);
  const server = spawn(bin('webpack'), ['serve', '--mode', 'development'], {
    stdio: 'inherit',
    cwd: root,
  });
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, String(process.pid));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => {
    fs.rmSync(pidFile, { force: true });
    process.exit(code ?? 0);
  });
}

main().catch((e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

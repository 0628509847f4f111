#!/usr/bin/env node
'use strict';
/** `npm run stop`: ends the dev server that `npm start` started (its process id is in out/). */
const fs = require('node:fs');
const path = require('node:path');

const pidFile = path.join(__dirname, '..', 'out', 'dev-server.pid');
if (!fs.existsSync(pidFile)) {
  console.log('No implan dev server is running (npm start was not started from this folder).');
  process.exit(0);
}
const pid = Number(fs.readFileSync(pidFile, 'utf8'));
try {
  process.kill(pid, 'SIGTERM');
} catch {
  fs.rmSync(pidFile, { force: true });
  console.log(`The dev server (process ${pid}) had already stopped.`);
  process.exit(0);
}
const deadline = Date.now() + 10_000;
const timer = setInterval(() => {
  let alive = true;
  try {
    process.kill(pid, 0);
  } catch {
    alive = false;
  }
  if (!alive || Date.now() > deadline) {
    clearInterval(timer);
    fs.rmSync(pidFile, { force: true });
    console.log(
      alive
        ? `The dev server (process ${pid}) did not stop within 10 s.`
        : `Stopped the dev server (process ${pid}).`,
    );
    process.exit(alive ? 1 : 0);
  }
}, 200);

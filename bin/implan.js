#!/usr/bin/env node
'use strict';
// The compiled CLI lives in dist/node (built by `npm ci` through the prepare script, or by
// `npm run build:cli`); this shim keeps `bin` stable and says what to run when it is missing.
const fs = require('node:fs');
const path = require('node:path');

const main = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write(
    'implan is not built yet: run "npm run build:cli" (or "npm ci", which builds it) in ' +
      `${path.join(__dirname, '..')}, then try again.\n`,
  );
  process.exit(2);
}

// Output piped into `head` (or a pager that quits) closes the pipe: stop quietly, as cat does.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(0);
    throw e;
  });

const { runCli } = require(main);
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(
      `implan stopped on an unexpected error, which is a bug: ${e instanceof Error ? e.message : String(e)}\n` +
        'Nothing more was written. Please report it with the command you ran.\n' +
        (process.env.IMPLAN_DEBUG ? `${e instanceof Error ? e.stack : ''}\n` : ''),
    );
    process.exitCode = 2;
  },
);

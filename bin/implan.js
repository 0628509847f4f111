#!/usr/bin/env node
'use strict';
// The compiled CLI lives in dist/node (npm run build:cli); this shim keeps `bin` stable.
const { runCli } = require('../dist/node/cli/main.js');
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

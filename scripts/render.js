#!/usr/bin/env node
'use strict';
/**
 * Renders a workbook's sheets to PNG pages for people to look at:
 *   node scripts/render.js BOOK.xlsx --out DIR [--dpi 70]
 * LibreOffice prints the workbook to PDF (each sheet with its own page setup), pdftoppm turns
 * the pages into PNG files.
 */
const fs = require('node:fs');
const path = require('node:path');
const { renderToPng } = require('./lib/libreoffice');

async function main(argv) {
  const file = argv.find(
    (a) =>
      !a.startsWith('--') &&
      argv[argv.indexOf(a) - 1] !== '--out' &&
      argv[argv.indexOf(a) - 1] !== '--dpi',
  );
  const out = argv[argv.indexOf('--out') + 1];
  const dpi = argv.includes('--dpi') ? Number(argv[argv.indexOf('--dpi') + 1]) : 70;
  if (!file || !argv.includes('--out') || !out) {
    console.error('Usage: node scripts/render.js BOOK.xlsx --out DIR [--dpi 70]');
    return 2;
  }
  const pages = await renderToPng(fs.readFileSync(file), out, {
    dpi,
    prefix: path.basename(file, '.xlsx'),
  });
  for (const p of pages) console.log(p);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`Error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);

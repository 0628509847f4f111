#!/usr/bin/env node
'use strict';
/**
 * The bench's floors, each run alone in a child under /usr/bin/time:
 *   zip IN            unzip every part of IN and rezip the package (jszip, DEFLATE 6)
 *   exceljs IN CELLS  exceljs reads IN and writes the cells listed in CELLS (JSON: sheets of
 *                     { name, blocks: [{ row, col, rows }] }) as new sheets, then the workbook
 */
const fs = require('node:fs');

async function zipFloor(input) {
  const JSZip = require('jszip');
  const zip = await JSZip.loadAsync(fs.readFileSync(input));
  const out = new JSZip();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) out.file(name, await file.async('uint8array'));
  const bytes = await out.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  return bytes.length;
}

/**
 * exceljs 4.4 cannot read a table part whose autoFilter lists more columns than it parsed
 * (implan's tables with calculated columns): it throws setting `filterButton` on a missing
 * column. The floor only needs exceljs to read the cells, so the filter buttons of such
 * columns are skipped.
 */
function tolerateTableFilters() {
  const TableXform = require('exceljs/lib/xlsx/xform/table/table-xform');
  const parseClose = TableXform.prototype.parseClose;
  TableXform.prototype.parseClose = function (name) {
    if (!this.parser && name === this.tag && this.map.autoFilter.model) {
      const columns = this.map.tableColumns.model ?? [];
      const filter = this.map.autoFilter.model.columns ?? [];
      this.map.autoFilter.model.columns = filter.slice(0, columns.length);
    }
    return parseClose.call(this, name);
  };
}

async function exceljsFloor(input, cellsPath) {
  const ExcelJS = require('exceljs');
  tolerateTableFilters();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(input));
  for (const sheet of JSON.parse(fs.readFileSync(cellsPath, 'utf8'))) {
    const ws = wb.addWorksheet(sheet.name);
    for (const b of sheet.blocks)
      b.rows.forEach((cells, i) =>
        cells.forEach((cell, j) => {
          if (cell === null) return;
          ws.getCell(b.row + i + 1, b.col + j + 1).value =
            typeof cell === 'object' ? { formula: cell.formula } : cell;
        }),
      );
  }
  return (await wb.xlsx.writeBuffer()).byteLength;
}

const [kind, input, cells] = process.argv.slice(2);
(kind === 'zip' ? zipFloor(input) : exceljsFloor(input, cells)).then(
  (bytes) => console.log(bytes),
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);

'use strict';
/**
 * How long LibreOffice takes to recalculate a workbook, apart from loading it: for the bench.
 *
 * Why not time a conversion: `soffice --convert-to` loads, computes and saves in one go, and at
 * 200 projects and more the load is nearly all of it (LibreOffice's import of the project
 * sheets' 600+ tables and their filters grows faster than the tables do, with no joint sheet in
 * the file), which hides what a formula costs. Here soffice runs a Basic macro of its own
 * profile instead: it opens the workbook without recalculating on load, then times
 * `calculateAll()` (a full recalculation of every formula, what Ctrl+Shift+F9 does) three times:
 * the host's speed varies by a fifth from minute to minute, and the least of three steadies it.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { newProfile, requireLibreOffice, runSoffice } = require('./libreoffice');

/** Opens IN hidden, times the load and three full recalculations, writes "load r1 r2 r3" ms. */
const MACRO = `Sub Recalc(inPath As String, outPath As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  t0 = GetSystemTicks()
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
  t1 = GetSystemTicks()
  times = (t1 - t0)
  For i = 1 To 3
    t2 = GetSystemTicks()
    doc.calculateAll()
    times = times & " " & (GetSystemTicks() - t2)
  Next i
  doc.close(True)
  f = FreeFile
  Open outPath For Output As #f
  Print #f, times
  Close #f
End Sub
`;

const escapeXml = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A fresh profile whose own Basic library "Standard" holds the macro. LibreOffice lays out a
 * new profile's libraries on its first start, so it starts once before the module is added.
 */
async function profileWithMacro(dir) {
  // Recalculation on load off: the macro times recalculation itself.
  const profile = newProfile(dir, false);
  await runSoffice(profile, ['--terminate_after_init'], 60000);
  const library = path.join(profile, 'user', 'basic', 'Standard');
  const index = path.join(library, 'script.xlb');
  if (!fs.existsSync(index)) throw new Error('LibreOffice did not lay out its Basic library');
  fs.writeFileSync(
    path.join(library, 'Bench.xba'),
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Bench" script:language="StarBasic">${escapeXml(MACRO)}</script:module>
`,
  );
  fs.writeFileSync(
    index,
    fs
      .readFileSync(index, 'utf8')
      .replace(
        '</library:library>',
        ' <library:element library:name="Bench"/>\n</library:library>',
      ),
  );
  return profile;
}

/**
 * LibreOffice's milliseconds to load `bytes` (an .xlsx) without recalculating, and to
 * recalculate all of it afterwards (the least of three full recalculations).
 * @param {Uint8Array} bytes
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<{ loadMs: number, recalcMs: number }>}
 */
async function recalcTimed(bytes, options = {}) {
  requireLibreOffice();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'implan-lo-recalc-'));
  try {
    const profile = await profileWithMacro(dir);
    const input = path.join(dir, 'in.xlsx');
    const output = path.join(dir, 'times.txt');
    fs.writeFileSync(input, bytes);
    // Basic string literals double their quotes; these paths are the bench's own temp files.
    const literal = (p) => `"${p.replace(/"/g, '""')}"`;
    await runSoffice(
      profile,
      [`macro:///Standard.Bench.Recalc(${literal(input)},${literal(output)})`],
      options.timeoutMs ?? 60000,
    );
    if (!fs.existsSync(output))
      throw new Error('LibreOffice did not run the recalculation macro (no timings written)');
    const [load, ...recalcs] = fs.readFileSync(output, 'utf8').trim().split(/\s+/).map(Number);
    if (recalcs.length !== 3 || ![load, ...recalcs].every(Number.isFinite))
      throw new Error(`LibreOffice's recalculation timings are unreadable`);
    return { loadMs: load, recalcMs: Math.min(...recalcs) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { recalcTimed };

'use strict';
/**
 * Lets the bench require the TypeScript test fakes (test/excel/fake-excel.ts) and the sources
 * they import, transpiled on the fly with the project's own TypeScript; types are not checked.
 */
const fs = require('node:fs');
const ts = require('typescript');

function registerTs() {
  if (require.extensions['.ts']) return;
  require.extensions['.ts'] = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    module._compile(out.outputText, filename);
  };
}

module.exports = { registerTs };

// The built task pane served locally with the fake Excel host in place of office.js, opened in
// Debian's headless Chromium: shared by the browser tests and `npm run bench`.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function build(config) {
  const webpack = require('webpack');
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) =>
      err || stats.hasErrors()
        ? reject(err ?? new Error(stats.toString('errors-only')))
        : resolve(),
    ),
  );
}

/** Builds the production pane and the fake host into a temporary folder. */
async function buildPane(out) {
  const paneConfig = require(path.join(root, 'webpack.config.js'))({}, { mode: 'production' });
  await build({ ...paneConfig, output: { ...paneConfig.output, path: out } });
  await build({
    mode: 'development',
    devtool: false,
    entry: path.join(root, 'test', 'browser', 'fake-office-entry.ts'),
    output: { path: out, filename: 'fake-office.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler' },
            },
          },
        },
      ],
    },
  });
}

/** The pane's own JavaScript: files and sizes, minified and gzipped. */
export function bundleSize(out) {
  const zlib = require('node:zlib');
  const files = readdirSync(out).filter((f) => f.startsWith('taskpane') && f.endsWith('.js'));
  let minified = 0;
  let gzipped = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(out, f));
    minified += statSync(path.join(out, f)).size;
    gzipped += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files, minified, gzipped };
}

/**
 * Starts everything; returns the base URL, a browser context whose office.js requests the fake
 * answers (and whose other outside requests are refused), and `close`.
 */
export async function startPane() {
  const out = mkdtempSync(path.join(tmpdir(), 'implan-pane-'));
  await buildPane(out);
  const server = createServer((req, res) => {
    const file = path.join(out, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(out) || !existsSync(file)) return void res.writeHead(404).end();
    const type = file.endsWith('.html')
      ? 'text/html'
      : file.endsWith('.js')
        ? 'text/javascript'
        : file.endsWith('.png')
          ? 'image/png'
          : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(
    mkdtempSync(path.join(tmpdir(), 'implan-chrome-')),
    {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  );
  // office.js comes from Microsoft's CDN in production; here the fake host answers instead.
  await context.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: readFileSync(path.join(out, 'fake-office.js'), 'utf8'),
    }),
  );
  await context.route(
    (url) => !url.href.startsWith(base) && !url.href.startsWith('https://appsforoffice'),
    (route) => route.abort(),
  );
  return {
    base,
    context,
    out,
    async close() {
      await context.close();
      server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

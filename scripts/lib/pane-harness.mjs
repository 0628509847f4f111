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

/** Builds the production pane (for `addinUrl` when given) and the fake host into a folder. */
async function buildPane(out, addinUrl) {
  const before = process.env.ADDIN_URL;
  if (addinUrl) process.env.ADDIN_URL = addinUrl;
  let paneConfig;
  try {
    paneConfig = require(path.join(root, 'webpack.config.js'))({}, { mode: 'production' });
  } finally {
    if (before === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = before;
  }
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

/**
 * The pane's own JavaScript: files and sizes, minified and gzipped. `worker`: the files the
 * pane's domain worker loads instead (every script that is no page's own nor the fake host).
 */
export function bundleSize(out, { worker = false } = {}) {
  const zlib = require('node:zlib');
  const pages = /^(taskpane|commands|report|fake-office)\b/;
  const files = readdirSync(out).filter(
    (f) => f.endsWith('.js') && (worker ? !pages.test(f) : f.startsWith('taskpane')),
  );
  let minified = 0;
  let gzipped = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(out, f));
    minified += statSync(path.join(out, f)).size;
    gzipped += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files, minified, gzipped };
}

/** The pinned Office.js files (the @microsoft/office-js package), served as the CDN would. */
const officeDist = path.join(root, 'node_modules', '@microsoft', 'office-js', 'dist');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

/**
 * Starts everything; returns the base URL, a browser context whose office.js requests are
 * answered (and whose other outside requests are refused), and `close`. `office` says what
 * answers the CDN: 'fake' the fake Excel host, 'package' the real Office.js from the pinned
 * package (so the page runs outside Office), 'blocked' nothing (the CDN unreachable).
 */
export async function startPane({ office = 'fake', addinUrl, built } = {}) {
  // `built`: the folder of another pane's build, served again instead of building twice.
  const out = built ?? mkdtempSync(path.join(tmpdir(), 'implan-pane-'));
  if (!built) await buildPane(out, addinUrl);
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
  // office.js comes from Microsoft's CDN in production; here the fake host answers instead,
  // or the pinned package's own files, or nothing.
  await context.route('https://appsforoffice.microsoft.com/**', (route) => {
    if (office === 'blocked') return route.abort('internetdisconnected');
    const url = route.request().url();
    const file =
      office === 'fake'
        ? path.join(out, 'fake-office.js')
        : path.join(officeDist, url.startsWith(CDN) ? url.slice(CDN.length).split('?')[0] : '-');
    if (!file.startsWith(office === 'fake' ? out : officeDist) || !existsSync(file))
      return route.fulfill({ status: 404 });
    return route.fulfill({
      contentType: file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream',
      body: readFileSync(file),
    });
  });
  // Anything else from outside is refused, and recorded: the pages must fetch nothing else.
  const refused = [];
  await context.route(
    (url) => !url.href.startsWith(base) && !url.href.startsWith('https://appsforoffice'),
    (route) => {
      refused.push(route.request().url());
      return route.abort();
    },
  );
  return {
    base,
    context,
    out,
    refused,
    async close() {
      await context.close();
      server.close();
      if (!built) rmSync(out, { recursive: true, force: true });
    },
  };
}

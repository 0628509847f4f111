// @ts-check
/*
 * Builds the task pane, the ribbon's function file and its report dialog. Production pages load
 * Office.js from Microsoft's CDN (published add-ins must); development pages load the same
 * library from the pinned @microsoft/office-js package, served as files by the dev server, so
 * `npm start` works offline. ADDIN_URL=https://host/path moves the manifest's URLs to that host.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { addinBase, deployManifest } = require('./scripts/lib/deploy');
const { version } = require('./package.json');

const CERTS = path.join(os.homedir(), '.office-addin-dev-certs');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where the dev server serves @microsoft/office-js's dist folder (never copied: it is 86 MB). */
const OFFICE_LOCAL = '/office-js';

/** The dev certificates, read directly: office-addin-dev-certs cannot trust its CA here. */
function httpsOptions() {
  const file = (name) => path.join(CERTS, name);
  if (!['localhost.key', 'localhost.crt', 'ca.crt'].every((f) => fs.existsSync(file(f))))
    return undefined;
  return {
    key: fs.readFileSync(file('localhost.key')),
    cert: fs.readFileSync(file('localhost.crt')),
    ca: fs.readFileSync(file('ca.crt')),
  };
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== 'production';
  const https = dev ? httpsOptions() : undefined;
  const base = addinBase(dev ? undefined : process.env.ADDIN_URL);
  const page = (filename, template, chunk) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks: [chunk],
      templateParameters: { officeJs: dev ? `${OFFICE_LOCAL}/office.js` : OFFICE_CDN },
    });
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      report: './src/commands/report-dialog.ts',
    },
    output: {
      path: path.join(__dirname, 'dist', 'addin'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // TypeScript's ES-module files (.mts, where `import.meta` is allowed) are imported as .mjs.
      extensionAlias: { '.mjs': ['.mts', '.mjs'] },
    },
    module: {
      rules: [
        {
          test: /\.m?tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules, so webpack can tree-shake Fluent UI (CommonJS output defeats it).
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler' },
            },
          },
        },
      ],
    },
    plugins: [
      page('taskpane.html', './src/taskpane/taskpane.html', 'taskpane'),
      page('commands.html', './src/commands/commands.html', 'commands'),
      page('report.html', './src/commands/report.html', 'report'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (xml) => deployManifest(xml.toString('utf8'), { base, version }),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      host: 'localhost',
      port: 3000,
      allowedHosts: ['localhost'],
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : 'https',
      client: { webSocketURL: 'auto://localhost:3000/ws', overlay: true },
      static: [
        {
          directory: path.join(__dirname, 'node_modules', '@microsoft', 'office-js', 'dist'),
          publicPath: OFFICE_LOCAL,
          watch: false,
        },
      ],
    },
  };
};

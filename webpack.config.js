// @ts-check
/* Builds the task pane. Office.js comes from Microsoft's CDN (see taskpane.html), not the bundle. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const CERTS = path.join(os.homedir(), '.office-addin-dev-certs');

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
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
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
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'report.html',
        template: './src/commands/report.html',
        chunks: ['report'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml' },
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
      static: false,
    },
  };
};

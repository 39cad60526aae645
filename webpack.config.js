// The add-in build, in the layout of Microsoft's Office add-in templates: dist/ holds the task pane (the shared
// runtime page), the PERF functions with their functions.json, the icons and the manifest.
//   npm run build              Office.js from Microsoft's CDN (the supported way)
//   npm run build:intranet     Office.js bundled into dist/office-js/ for networks without internet (not supported
//                              by Microsoft: see the README)
//   npm run build:wps          the WPS 表格 add-in into dist-wps/ (offline package + publish.xml / jsplugins.xml)
// ADDIN_URL=https://host/path/ sets where dist/ will be served; the manifest's URLs are rewritten to it.
// WPS_URL=http://host/path/ sets where an intranet server hosts the WPS add-in (jsplugins.xml, online mode).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import { wpsFunctionInfo } from './hosts/wps/functions-json.mjs';

const require = createRequire(import.meta.url);
const root = path.dirname(fileURLToPath(import.meta.url));
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
const { version } = require('./package.json');

const DEV_URL = 'https://localhost:3000/';
const DEV_ORIGIN = new URL(DEV_URL).origin;

/** A base URL as given in ADDIN_URL or WPS_URL, with the trailing slash the relative file names need. */
const baseUrl = (url) => (url.endsWith('/') ? url : `${url}/`);

/** The manifest served from `url`: every file URL rewritten to it, every AppDomain to its origin. */
const manifestFor = (url) => (content) => content.toString().split(DEV_URL).join(url).split(DEV_ORIGIN).join(new URL(url).origin);
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** What Office.js loads for Excel: itself, Excel's host scripts, the custom functions runtime, its Chinese and English strings. */
const OFFICE_JS_FILES = ['office.js', 'o15apptofilemappingtable.js', 'custom-functions-runtime.js', 'excel*.js', 'zh-cn/*.js', 'en-us/*.js'];

const typescript = {
  test: /\.ts$/,
  exclude: /node_modules/,
  loader: 'ts-loader',
  options: { transpileOnly: true, compilerOptions: { noEmit: false, module: 'esnext', target: 'es2019' } },
};

/** The pane's Content-Security-Policy: nothing from elsewhere but Office.js. */
const officeCsp = (intranet) =>
  [
    "default-src 'self'",
    `script-src 'self'${intranet ? '' : ' https://appsforoffice.microsoft.com'}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');

/** The Excel add-in (dist/). */
function office(env) {
  const intranet = Boolean(env.intranet);
  const url = baseUrl(process.env.ADDIN_URL || DEV_URL);
  const csp = officeCsp(intranet);
  return {
    name: 'office',
    mode: 'production',
    // No source maps: the folder is copied as it is to the clerks' machines.
    devtool: false,
    entry: { taskpane: './hosts/excel/taskpane.ts', functions: './functions/functions.ts' },
    output: { path: path.resolve(root, 'dist'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [typescript] },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: './functions/functions.ts', output: 'functions.json' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        scriptLoading: 'blocking',
        officeJs: intranet ? 'office-js/office.js' : OFFICE_CDN,
        csp,
        // Without WebView2, Office runs an add-in with a shared runtime in IE11's engine, where this page cannot start.
        guard: true,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'hosts/excel/legacy-guard.js' },
          { from: 'taskpane/taskpane.css' },
          { from: 'taskpane/help.html' },
          { from: 'manifest.xml', transform: manifestFor(url) },
          ...(intranet
            ? OFFICE_JS_FILES.map((pattern) => ({
                from: pattern,
                context: path.dirname(require.resolve('@microsoft/office-js/package.json')) + '/dist',
                to: 'office-js',
                globOptions: { ignore: ['**/*.debug.js'] },
                // Microsoft's files as published: not minified again, not rewritten.
                info: { minimized: true },
              }))
            : []),
        ],
      }),
    ],
  };
}

/**
 * The pane for Office 2016/2019 (manifest-legacy.xml): dist/legacy.html and legacy.js, compiled to ES5 with core-js
 * for Internet Explorer 11's engine, built after office() into the same folder.
 */
function legacy(env) {
  const intranet = Boolean(env.intranet);
  const url = baseUrl(process.env.ADDIN_URL || DEV_URL);
  return {
    name: 'legacy',
    dependencies: ['office'],
    mode: 'production',
    devtool: false,
    target: ['web', 'es5'],
    entry: { legacy: './hosts/excel/legacy.ts' },
    output: { path: path.resolve(root, 'dist'), filename: '[name].js', clean: false },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          ...typescript,
          options: { transpileOnly: true, compilerOptions: { noEmit: false, module: 'esnext', target: 'es5', downlevelIteration: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'legacy.html',
        template: './taskpane/taskpane.html',
        chunks: ['legacy'],
        scriptLoading: 'blocking',
        officeJs: intranet ? 'office-js/office.js' : OFFICE_CDN,
        csp: officeCsp(intranet),
        guard: true,
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: 'manifest-legacy.xml', transform: manifestFor(url) }],
      }),
    ],
  };
}

/**
 * WPS's functions.json, in the format of wpsjs's functionsScanner ({ functions: [{ name, parameters, description,
 * result }] }), made from the same JSDoc metadata as Excel's, with the JavaScript function that implements each.
 */
async function wpsFunctions() {
  const generated = await generateCustomFunctionsMetadata('functions/functions.ts');
  if (generated.errors.length) throw new Error(generated.errors.join('\n'));
  const office = JSON.parse(generated.metadataJson);
  return office.functions.map((f) => ({ info: wpsFunctionInfo(f), jsName: generated.associate.find((a) => a.id === f.id).functionName }));
}

/** The WPS 表格 add-in: dist-wps/perfcheck_<version>/ for WPS's jsaddons folder, with publish.xml and jsplugins.xml. */
async function wpsAddin() {
  const name = 'perfcheck';
  const folder = `${name}_${version}`;
  const online = baseUrl(process.env.WPS_URL || 'http://intranet.example/perfcheck/');
  const functions = await wpsFunctions();
  return {
    mode: 'production',
    devtool: false,
    entry: { main: './hosts/wps/main.ts', taskpane: './hosts/wps/taskpane.ts' },
    output: { path: path.resolve(root, 'dist-wps', folder), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [typescript] },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __PERF_FUNCTIONS__: JSON.stringify(functions.map(({ info, jsName }) => ({ name: info.name, jsName }))) }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './hosts/wps/index.html', chunks: ['main'], scriptLoading: 'blocking' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'blocking',
        officeJs: '',
        csp: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'taskpane/taskpane.css' },
          { from: 'hosts/wps/ribbon.xml' },
          { from: 'hosts/wps/manifest.xml' },
        ],
      }),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('WpsPackage', (compilation) => {
            compilation.hooks.processAssets.tap({ name: 'WpsPackage', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
              const { RawSource } = webpack.sources;
              compilation.emitAsset('functions.json', new RawSource(JSON.stringify({ functions: functions.map((f) => f.info) }, null, 2)));
              // Beside the folder: the entry for WPS's jsaddons folder (offline) and for an intranet server (online).
              compilation.emitAsset(
                '../publish.xml',
                new RawSource(
                  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${name}" type="et" url="${folder}" version="${version}" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n`,
                ),
              );
              compilation.emitAsset(
                '../jsplugins.xml',
                new RawSource(
                  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${name}" type="et" url="${online}" version="${version}"/>\n</jsplugins>\n`,
                ),
              );
            });
          });
        },
      },
    ],
  };
}

export default (env = {}) => (env.wps ? wpsAddin() : [office(env), legacy(env)]);

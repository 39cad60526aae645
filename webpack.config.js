// The add-in build, in the layout of Microsoft's Office add-in templates: dist/ holds the task pane (the shared
// runtime page), the PERF functions with their functions.json, the icons and the manifest.
//   npm run build              Office.js from Microsoft's CDN (the supported way)
//   npm run build:intranet     Office.js bundled into dist/office-js/ for networks without internet (not supported
//                              by Microsoft: see the README)
// ADDIN_URL=https://host/path/ sets where dist/ will be served; the manifest's URLs are rewritten to it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const require = createRequire(import.meta.url);
const root = path.dirname(fileURLToPath(import.meta.url));

const DEV_URL = 'https://localhost:3000/';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** What Office.js loads for Excel: itself, Excel's host scripts, the custom functions runtime, its Chinese and English strings. */
const OFFICE_JS_FILES = ['office.js', 'o15apptofilemappingtable.js', 'custom-functions-runtime.js', 'excel*.js', 'zh-cn/*.js', 'en-us/*.js'];

export default (env = {}) => {
  const intranet = Boolean(env.intranet);
  const url = process.env.ADDIN_URL || DEV_URL;
  const csp = [
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
  return {
    mode: 'production',
    devtool: 'source-map',
    entry: { taskpane: './taskpane/index.ts', functions: './functions/functions.ts' },
    output: { path: path.resolve(root, 'dist'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: { transpileOnly: true, compilerOptions: { noEmit: false, module: 'esnext', target: 'es2019' } },
        },
      ],
    },
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
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'taskpane/taskpane.css' },
          { from: 'taskpane/help.html' },
          { from: 'manifest.xml', transform: (content) => content.toString().split(DEV_URL).join(url) },
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
};

// Bundles the SDK and arena's messages into the one ES module a node serves at
// /sdk/playfield-client.js (committed under the server's webroot: the node has no build step).
// `node scripts/bundle.mjs` writes it; bundleText() is what the staleness test compares.
import * as esbuild from 'esbuild';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PACKAGE_DIR = path.resolve(HERE, '..');
export const BUNDLE_FILE = path.resolve(PACKAGE_DIR, '../../src/main/resources/webroot/sdk/playfield-client.js');

/** The bundle as it would be written now, from the current sources and generated code. */
export async function bundleText() {
  const result = await esbuild.build({
    absWorkingDir: PACKAGE_DIR,
    entryPoints: ['src/browser.ts'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    banner: { js: '// @playfield/client browser bundle, built from clients/typescript by `npm run build`; do not edit.' },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await bundleText();
  mkdirSync(path.dirname(BUNDLE_FILE), { recursive: true });
  writeFileSync(BUNDLE_FILE, text);
  console.log(`${path.relative(process.cwd(), BUNDLE_FILE)}: ${text.length} bytes`);
}

// The node serves the SDK as one committed ES module (no build step at run time). This fails
// when that file is not what a fresh build of the current sources and .proto files gives:
// run `npm run bundle` and commit the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface BundleScript {
  BUNDLE_FILE: string;
  bundleText(): Promise<string>;
}

async function bundleScript(): Promise<BundleScript> {
  return (await import(pathToFileURL(path.join(PACKAGE_DIR, 'scripts/bundle.mjs')).href)) as BundleScript;
}

test('the bundle under the server webroot is what the SDK builds to now', async () => {
  const script = await bundleScript();
  const committed = readFileSync(script.BUNDLE_FILE, 'utf8');
  const fresh = await script.bundleText();
  assert.ok(committed === fresh, `${path.relative(PACKAGE_DIR, script.BUNDLE_FILE)} is stale: run \`npm run bundle\` in clients/typescript and commit it`);
});

test('the bundle is one self-contained ES module with the SDK and arena', async () => {
  const script = await bundleScript();
  const text = readFileSync(script.BUNDLE_FILE, 'utf8');
  assert.doesNotMatch(text, /^\s*import\s/m, 'no imports: the browser loads one file');
  const bundle = (await import(pathToFileURL(script.BUNDLE_FILE).href)) as Record<string, unknown>;
  for (const name of ['PlayfieldClient', 'InterpolationBuffer', 'InputPrediction', 'arenaSchemas', 'ArenaInputSchema', 'webStore', 'CloseCode']) {
    assert.ok(bundle[name], `exports ${name}`);
  }
});

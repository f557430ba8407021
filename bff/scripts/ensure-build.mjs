#!/usr/bin/env node
/**
 * What `npm start` does before `node bff/dist/server.js`: builds the BFF and the
 * H5 app only when a build is missing or older than its sources (see INPUTS in
 * build.mjs), so a start after no change takes no build at all.
 *
 * On an install without devDependencies nothing can be built: an existing build
 * is served as it is (with a warning when the sources look newer), a missing BFF
 * build stops the start, and a missing H5 build leaves the API serving alone.
 */
import { build, buildState, canBuild } from './build.mjs';

const say = (line) => process.stdout.write(`build: ${line}\n`);

async function ensure(target) {
  const state = buildState(target);
  if (state.fresh) return;
  if (canBuild(target)) {
    say(`${state.reason}: building ${target === 'bff' ? 'the BFF' : 'the H5 app (production mode)'}`);
    await build(target);
    return;
  }
  // Building needs the devDependencies; this install has none (npm ci --omit=dev).
  const how = 'npm ci && npm run build';
  if (state.usable) {
    say(`${state.reason}, but the build tools are not installed: serving the existing build (to rebuild: ${how})`);
  } else if (target === 'bff') {
    throw new Error(`${state.reason} and esbuild is not installed: run ${how} (the build needs the devDependencies), then start again`);
  } else {
    say(`${state.reason} and @tarojs/cli is not installed: the BFF serves the API without the H5 app (to build it: ${how})`);
  }
}

try {
  await ensure('bff');
  await ensure('h5');
} catch (err) {
  process.stderr.write(`build: ${err.message}\nThe BFF did not start.\n`);
  process.exit(1);
}

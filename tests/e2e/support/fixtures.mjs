// The rule fixtures (tests/fixtures/rules/<CODE>/*.json): JSON merge patches (RFC 7396) over the
// seed report, as tests/rules.rs reads them.
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './page-env.mjs';

export function mergePatch(target, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = target && typeof target === 'object' && !Array.isArray(target) ? Object.assign({}, target) : {};
  for (const key of Object.keys(patch)) {
    if (patch[key] === null) delete out[key];
    else out[key] = mergePatch(out[key], patch[key]);
  }
  return out;
}

/** Every trigger fixture: {name: 'A001/trigger_….json', code, patch, previous}. */
export function triggerFixtures() {
  const root = path.join(REPO, 'tests/fixtures/rules');
  const out = [];
  for (const code of fs.readdirSync(root).sort()) {
    for (const file of fs.readdirSync(path.join(root, code)).sort()) {
      if (!file.startsWith('trigger')) continue;
      const fixture = JSON.parse(fs.readFileSync(path.join(root, code, file), 'utf8'));
      out.push({ name: code + '/' + file, code, patch: fixture.patch || {}, previous: fixture.previous || null });
    }
  }
  return out;
}

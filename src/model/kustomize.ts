/**
 * The manifests a kustomization renders: its `resources` (files, or
 * directories with a kustomization of their own), the old `bases`, and the
 * patch files (`patchesStrategicMerge`, `patches[].path`). Read so that a
 * Skaffold config's deploy step (kustomize paths) says which manifests run
 * the images it builds. Bounded: 8 levels, every directory once, inside the
 * repository (remote resources are left out).
 */
import { get, items, str } from '../parse/yaml.js';
import type { Project } from './project.js';
import { repoJoin } from './scripts.js';

const NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function kustomizeManifests(project: Project, dir: string, out = new Set<string>(), seen = new Set<string>(), depth = 0): Set<string> {
  if (depth > 8 || seen.has(dir)) return out;
  seen.add(dir);
  for (const n of NAMES) {
    const p = repoJoin(dir, n);
    const f = p !== undefined ? project.file(p, 'kubernetes', { quiet: true }) : undefined;
    if (!f) continue;
    const y = project.yaml(f);
    const root = y?.docs[0]?.contents;
    if (!y || !root) return out;
    const refs: string[] = [];
    for (const key of ['resources', 'bases', 'patchesStrategicMerge', 'components']) for (const it of items(y, get(y, root, key))) { const v = str(it); if (v) refs.push(v); }
    for (const it of items(y, get(y, root, 'patches'))) { const v = str(get(y, it, 'path')); if (v) refs.push(v); }
    for (const r of refs) {
      if (/^[a-z]+:\/\//i.test(r) || r.startsWith('git@') || r.startsWith('/')) continue;
      const q = repoJoin(dir, r);
      if (q === undefined) continue;
      if (/\.ya?ml$/i.test(q) && project.exists(q, 'kubernetes')) out.add(q);
      else kustomizeManifests(project, q, out, seen, depth + 1);
    }
    return out;
  }
  return out;
}

/** A glob of Skaffold's `manifests` (`k8s/*.yaml`, `deploy/**`) as a test on repository paths. */
export function globTest(glob: string): (path: string) => boolean {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
      else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const rx = new RegExp(`^${re}$`);
  return (p) => rx.test(p);
}

/** Repository paths of the files a list of Skaffold manifest globs names, relative to the config's directory. */
export function globbedManifests(project: Project, baseDir: string, globs: string[]): Set<string> {
  const out = new Set<string>();
  for (const g of globs) {
    const full = repoJoin(baseDir, g);
    if (full === undefined) continue;
    if (!/[*?]/.test(full)) { out.add(full); continue; }
    const t = globTest(full);
    for (const f of project.files) if (f.kind === 'kubernetes' && t(f.path)) out.add(f.path);
  }
  return out;
}

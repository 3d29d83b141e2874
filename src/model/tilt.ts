/**
 * A Tiltfile's `docker_build(ref, context, dockerfile=…, target=…)` calls as
 * image builds (Tilt's API: the context is relative to the Tiltfile's
 * directory, the Dockerfile defaults to `<context>/Dockerfile` and is
 * relative to the Tiltfile too), scoped to the manifests its `k8s_yaml(…)`
 * calls deploy (a path or a list of paths, as literals).
 */
import { posix } from 'node:path';
import { starlarkCalls } from '../parse/starlark.js';
import type { ImageBuildSpec } from './images.js';
import type { Project } from './project.js';
import { repoJoin } from './scripts.js';
import type { SourceFile } from '../types.js';

const NAMES = new Set(['docker_build', 'k8s_yaml']);

export function tiltBuilds(project: Project, file: SourceFile): ImageBuildSpec[] {
  const dir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
  const calls = starlarkCalls(file.text, NAMES);
  const deploys = new Set<string>();
  for (const c of calls) {
    if (c.name !== 'k8s_yaml') continue;
    const first = c.args[0];
    if (first) {
      const p = repoJoin(dir, first.value);
      if (p !== undefined && project.exists(p, 'kubernetes')) deploys.add(p);
    }
  }
  const out: ImageBuildSpec[] = [];
  for (const c of calls) {
    if (c.name !== 'docker_build') continue;
    const ref = c.args[0] ?? c.kwargs.get('ref');
    if (!ref) continue;
    const ctx = c.args[1] ?? c.kwargs.get('context');
    const context = repoJoin(dir, ctx?.value ?? '.');
    const df = c.kwargs.get('dockerfile');
    const dockerfile = df ? repoJoin(dir, df.value) : undefined;
    const target = c.kwargs.get('target')?.value;
    if (context === undefined || (df && dockerfile === undefined)) continue;
    out.push({
      file,
      span: { file, start: ref.start, end: ref.end },
      tags: [{ value: ref.value, span: { file, start: ref.start, end: ref.end } }],
      context,
      ...(dockerfile !== undefined ? { dockerfile } : {}),
      ...(target ? { target } : {}),
      ...(deploys.size > 0 ? { deploys } : {}),
      how: 'command',
    });
  }
  return out;
}

/**
 * A Tiltfile's `docker_build(ref, context, dockerfile=…, target=…)` calls as
 * image builds (Tilt's API: the context is relative to the Tiltfile's
 * directory, the Dockerfile defaults to `<context>/Dockerfile` and is
 * relative to the Tiltfile too), scoped to the manifests its `k8s_yaml(…)`
 * calls deploy (a path or a list of paths, as literals; Tilt injects its images only there, so a
 * manifest it does not name is not linked, also when it renders others with local()); `k8s_yaml(helm('CHART'))`
 * names the chart's templates, `k8s_yaml(kustomize('DIR'))` what the kustomization renders.
 */
import { posix } from 'node:path';
import { starlarkCalls, type StarValue } from '../parse/starlark.js';
import type { Word } from '../parse/shell.js';
import type { ImageBuildSpec } from './images.js';
import type { Project } from './project.js';
import { kustomizeManifests } from './kustomize.js';
import { repoJoin } from './scripts.js';
import type { SourceFile } from '../types.js';

const NAMES = new Set(['docker_build', 'docker_build_with_restart', 'k8s_yaml', 'helm', 'kustomize']);

/** A string literal as a word, characters mapped 1:1 when the literal has no escapes. */
function word(v: StarValue): Word {
  const raw = v.raw ?? '';
  const open = /^[rRbB]*("""|'''|"|')/.exec(raw);
  const prefix = open ? open[0].length : 0;
  const close = open ? open[1]!.length : 0;
  const inner = raw.slice(prefix, raw.length - close);
  const from = v.start + prefix;
  const map = inner === v.value ? Array.from({ length: v.value.length }, (_, i) => from + i) : Array.from({ length: v.value.length }, () => v.start);
  return { value: v.value, start: v.start, end: v.end, quoted: true, map };
}

/** A string literal whose characters are its value one for one (no escapes): its value can be read in place. */
function literalInner(v: StarValue, text: string): boolean {
  const raw = text.slice(v.start, v.end);
  const open = /^[rRbB]*("""|'''|"|')/.exec(raw);
  if (!open || v.raw === undefined) return false;
  return raw.slice(open[0].length, raw.length - open[1]!.length) === v.value;
}

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
  // k8s_yaml(helm('charts/api', …)): the chart's templates are what Tilt deploys (helm() is only of use to k8s_yaml).
  for (const c of calls) {
    if (c.name !== 'helm') continue;
    const chart = c.args[0] ?? c.kwargs.get('paths');
    const root = chart?.value ? repoJoin(dir, chart.value) : undefined;
    if (root === undefined) continue;
    const prefix = root === '' ? 'templates/' : `${root.replace(/\/+$/, '')}/templates/`;
    for (const f of project.files) if (f.kind === 'kubernetes' && f.path.startsWith(prefix)) deploys.add(f.path);
  }
  // k8s_yaml(kustomize('manifests/dev')): what the kustomization renders (its resources, followed through bases).
  for (const c of calls) {
    if (c.name !== 'kustomize') continue;
    const d = c.args[0] ?? c.kwargs.get('pathToDir');
    const root = d?.value ? repoJoin(dir, d.value) : undefined;
    if (root !== undefined) kustomizeManifests(project, root, deploys);
  }
  const out: ImageBuildSpec[] = [];
  for (const c of calls) {
    if (c.name !== 'docker_build' && c.name !== 'docker_build_with_restart') continue;
    const ref = c.args[0] ?? c.kwargs.get('ref');
    if (!ref) continue;
    const ctx = c.args[1] ?? c.kwargs.get('context');
    const context = repoJoin(dir, ctx?.value ?? '.');
    const df = c.kwargs.get('dockerfile');
    const dockerfile = df ? repoJoin(dir, df.value) : undefined;
    // dockerfile_contents="FROM ...": the Dockerfile is that string (a literal is read in place); one
    // made by an expression is not read, and the build has no Dockerfile of the context to fall back on.
    const contents = c.kwargs.get('dockerfile_contents');
    // A string built by `+` (`BASE + 'RUN ' + cmd`) is read from the literal it starts with, the base
    // Dockerfile the others append lines to.
    const lit = contents && !contents.items ? (literalInner(contents, file.text) ? contents : contents.head && literalInner(contents.head, file.text) ? contents.head : undefined) : undefined;
    const inline = !df && lit ? { value: lit.value, span: { file, start: lit.start, end: lit.end } } : undefined;
    if (c.kwargs.has('dockerfile_contents') && !df && !inline) continue;
    const target = c.kwargs.get('target')?.value;
    // docker_build(entrypoint=…) and docker_build_with_restart(…, entrypoint, …): what the container runs instead.
    const ep = c.kwargs.get('entrypoint') ?? (c.name === 'docker_build_with_restart' ? c.args[2] : undefined);
    const entrypoint = ep?.items ? { form: 'exec' as const, words: ep.items.map(word), span: { file, start: ep.start, end: ep.end } } : ep && ep.value ? { form: 'shell' as const, words: [word(ep)], span: { file, start: ep.start, end: ep.end } } : undefined;
    if (context === undefined || (df && dockerfile === undefined)) continue;
    out.push({
      file,
      span: { file, start: ref.start, end: ref.end },
      tags: [{ value: ref.value, span: { file, start: ref.start, end: ref.end } }],
      context,
      ...(dockerfile !== undefined ? { dockerfile } : inline ? { inline } : {}),
      ...(target ? { target } : {}),
      // Tilt puts the images it builds only into what it deploys: a manifest it does not name (a plain
      // kubernetes.yaml next to a Helm chart it renders) never runs this build.
      deploys,
      ...(entrypoint ? { entrypoint } : {}),
      how: 'command',
    });
  }
  return out;
}

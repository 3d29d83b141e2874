/**
 * Skaffold artifacts as image builds: every `build.artifacts[]` and every
 * `profiles[].build.artifacts[]` of every document of a skaffold.yaml.
 *
 * Fields, read in GoogleContainerTools/skaffold at 359a940 (pkg/skaffold/
 * schema/latest/config.go, skaffold/v4beta14; schema/defaults/defaults.go):
 * - `image` (required): the image name, without a tag (tagPolicy adds one).
 * - `context`: the artifact's workspace, default `.`.
 * - `docker.dockerfile` ("relative to workspace", default `Dockerfile`) and
 *   `docker.target`. An artifact that names no builder is a docker artifact
 *   (defaults.go defaultToDockerArtifact). `kaniko` builds a Dockerfile too,
 *   with the same two fields. Other builders (ko, jib, buildpacks, bazel,
 *   custom) build no Dockerfile and are left out.
 * Paths: skaffold keeps the main config's paths relative to the directory it
 * runs in, and makes those of a required config (`requires:`) relative to
 * that config's file (parser/config.go, tags.MakeFilePathsAbsolute). Skaffold
 * finds skaffold.yaml in its working directory, so here both are relative to
 * the file's directory. Not modelled: profile `patches` (JSON patches that may
 * rewrite artifacts), and `requires` (a required config is read when it is
 * found as a file of its own).
 */
import type { Node } from 'yaml';
import { posix } from 'node:path';
import { get, getPair, getPath, isMapNode, items, nodeSpan, str, type YamlFile, type YNode } from '../parse/yaml.js';
import { globbedManifests, kustomizeManifests } from './kustomize.js';
import { repoJoin } from './scripts.js';
import type { SourceFile } from '../types.js';
import type { ImageBuildSpec } from './images.js';
import { relativeTo, type Project } from './project.js';

const OTHER_BUILDERS = ['bazel', 'ko', 'jib', 'buildpacks', 'custom'];
const REMOTE_RE = /^[A-Za-z][A-Za-z0-9+.-]+:|^git@/;

function artifactSpec(y: YamlFile, a: YNode, deploys?: ReadonlySet<string>): ImageBuildSpec | undefined {
  const file = y.file;
  if (!isMapNode(a)) return undefined;
  const imageNode = get(y, a, 'image');
  const image = str(imageNode);
  if (!image || !imageNode) return undefined;
  if (OTHER_BUILDERS.some((b) => getPair(y, a, b) !== undefined)) return undefined;
  const builder = get(y, a, 'docker') ?? get(y, a, 'kaniko');
  const ctx = str(get(y, a, 'context')) || '.';
  const df = (isMapNode(builder) ? str(get(y, builder, 'dockerfile')) : undefined) || 'Dockerfile';
  const target = isMapNode(builder) ? str(get(y, builder, 'target')) : undefined;
  let context: string | undefined;
  let dockerfile: string | undefined;
  if (!ctx.startsWith('/') && !REMOTE_RE.test(ctx) && !df.startsWith('/')) {
    context = relativeTo(file.path, ctx);
    dockerfile = context === undefined ? undefined : relativeTo(file.path, ctx, df);
    // A context without its Dockerfile must not be read as `<context>/Dockerfile`.
    if (dockerfile === undefined) context = undefined;
  }
  return {
    file,
    span: nodeSpan(file, imageNode as Node),
    tags: [{ value: image, span: nodeSpan(file, imageNode as Node) }],
    ...(dockerfile !== undefined ? { dockerfile } : {}),
    ...(context !== undefined ? { context } : {}),
    ...(target ? { target } : {}),
    ...(deploys ? { deploys } : {}),
    how: 'skaffold',
  };
}

/**
 * The manifests a pipeline (or profile) deploys: `deploy.kubectl.manifests`
 * and `manifests.rawYaml` globs, `deploy.kustomize.paths` and
 * `manifests.kustomize.paths` kustomizations. Undefined when it says none
 * (Helm charts and the like are not read).
 */
function deployedManifests(project: Project, y: YamlFile, root: YNode, dir: string): ReadonlySet<string> | undefined {
  const globs: string[] = [];
  const kustomize: string[] = [];
  const strs = (n: YNode): string[] => items(y, n).map((i) => str(i)).filter((v): v is string => !!v);
  globs.push(...strs(getPath(y, root, ['deploy', 'kubectl', 'manifests'])), ...strs(getPath(y, root, ['manifests', 'rawYaml'])));
  kustomize.push(...strs(getPath(y, root, ['deploy', 'kustomize', 'paths'])), ...strs(getPath(y, root, ['manifests', 'kustomize', 'paths'])));
  if (getPath(y, root, ['deploy', 'kustomize']) && kustomize.length === 0) kustomize.push('.');
  if (globs.length === 0 && kustomize.length === 0) return undefined;
  const out = globbedManifests(project, dir, globs);
  for (const k of kustomize) {
    const d = repoJoin(dir, k);
    if (d !== undefined) kustomizeManifests(project, d, out);
  }
  return out;
}

/** The Dockerfile builds of a skaffold.yaml: the main pipeline's and every profile's artifacts, in document order. */
export function skaffoldBuilds(project: Project, file: SourceFile): ImageBuildSpec[] {
  const y = project.yaml(file);
  if (!y) return [];
  const out: ImageBuildSpec[] = [];
  const add = (build: YNode, deploys: ReadonlySet<string> | undefined): void => {
    for (const a of items(y, get(y, build, 'artifacts'))) {
      const s = artifactSpec(y, a, deploys);
      if (s) out.push(s);
    }
  };
  const dir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
  for (const doc of y.docs) {
    const root = doc.contents as YNode;
    if (!isMapNode(root)) continue;
    const api = str(get(y, root, 'apiVersion'));
    if (api !== undefined && !api.startsWith('skaffold/')) continue;
    // A profile that changes only the deploy step deploys the main artifacts elsewhere too.
    let main = deployedManifests(project, y, root, dir);
    const profiles = items(y, get(y, root, 'profiles'));
    for (const p of profiles) {
      if (get(y, p, 'build')) continue;
      const d = deployedManifests(project, y, p, dir);
      if (d && main) main = new Set([...main, ...d]);
    }
    add(get(y, root, 'build'), main);
    for (const p of profiles) if (get(y, p, 'build')) add(get(y, p, 'build'), deployedManifests(project, y, p, dir) ?? main);
  }
  return out;
}

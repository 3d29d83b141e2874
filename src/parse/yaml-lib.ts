/**
 * The `yaml` package, loaded only by scans that read YAML. It is the largest
 * library the CLI bundles; a scan of Dockerfiles and scripts alone (a
 * pre-commit hook's usual run) never loads it. In dist/ it is a chunk of its
 * own, so such a scan does not even compile it.
 *
 * Which scans read YAML: those that find a Compose file, a Kubernetes
 * manifest, a workflow, or a devcontainer.json (which may name Compose files).
 * No other kind of file leads to YAML (Dockerfiles, scripts, Makefiles,
 * seccomp profiles and launch.json are parsed otherwise), so engine.ts loads
 * it when discovery finds one of those kinds, before the model is built.
 */
import type * as Yaml from 'yaml';
import type { FileKind } from '../types.js';
import { lazyLibrary } from './lazy-lib.js';

const yaml = lazyLibrary('yaml', () => import('yaml'));

/** Kinds of file whose presence means the scan may parse YAML. */
export const LEADS_TO_YAML: ReadonlySet<FileKind> = new Set<FileKind>(['compose', 'kubernetes', 'workflow', 'devcontainer', 'taskfile', 'gitlab-ci', 'skaffold', 'okteto', 'devspace']);

export const loadYaml = yaml.load;
const y = yaml.get;

export function parseAllDocuments(...a: Parameters<typeof Yaml.parseAllDocuments>): ReturnType<typeof Yaml.parseAllDocuments> {
  return y().parseAllDocuments(...a);
}

export function visit(...a: Parameters<typeof Yaml.visit>): void {
  y().visit(...a);
}

export function isAlias(n: unknown): n is Yaml.Alias {
  return y().isAlias(n);
}

export function isMap(n: unknown): n is Yaml.YAMLMap {
  return y().isMap(n);
}

export function isPair(n: unknown): n is Yaml.Pair {
  return y().isPair(n);
}

export function isScalar(n: unknown): n is Yaml.Scalar {
  return y().isScalar(n);
}

export function isSeq(n: unknown): n is Yaml.YAMLSeq {
  return y().isSeq(n);
}

/**
 * Source offsets [start, end) of every comment of a YAML text, from the
 * parser's concrete syntax tree (the Document API keeps comments as strings
 * without offsets). Nested deeper than `maxDepth` is not searched.
 */
export function yamlComments(text: string, maxDepth = 256): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const walk = (t: unknown, depth: number): void => {
    if (!t || typeof t !== 'object' || depth > maxDepth) return;
    if (Array.isArray(t)) {
      for (const x of t) walk(x, depth + 1);
      return;
    }
    const o = t as { type?: unknown; offset?: unknown; source?: unknown };
    if (o.type === 'comment' && typeof o.offset === 'number' && typeof o.source === 'string') {
      out.push({ start: o.offset, end: o.offset + o.source.length });
      return;
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'source' && v && typeof v === 'object') walk(v, depth + 1);
  };
  for (const token of new (y().Parser)().parse(text)) walk(token, 0);
  return out.sort((a, b) => a.start - b.start);
}

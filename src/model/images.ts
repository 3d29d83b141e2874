/**
 * Images as identities: every image the repository builds (Compose `image:`
 * beside `build:`, `docker build -t`, bake targets, Skaffold artifacts) is
 * one entry of an index by normalised repository name, and every runtime that
 * names an image (Compose `image:`, `docker run`, Kubernetes, devcontainer)
 * is linked to the Dockerfile behind it through that index.
 */
import type { SourceFile, Span, Valued } from '../types.js';
import type { Word } from '../parse/shell.js';

/** What one build declares: the names it tags, and the Dockerfile, context and stage it builds. */
export interface ImageBuildSpec {
  /** Where the build is declared (the file holds it; span is the tag, target or command). */
  file: SourceFile;
  span: Span;
  /** Image names as written (variables expanded where the file defines them). */
  tags: Valued<string>[];
  /** Repository-relative paths; undefined when the build names none (the default Dockerfile of the context). */
  dockerfile?: string;
  context?: string;
  target?: string;
  /** Inline Dockerfile content (bake `dockerfile-inline`, Compose `dockerfile_inline`), when given instead of a file. */
  inline?: Valued<string>;
  how: 'compose' | 'command' | 'bake' | 'skaffold' | 'devspace';
  /** podman/buildah builds look for Containerfile first. */
  flavor?: 'docker' | 'podman';
  /**
   * The manifests that run what this build makes, when the build says (a
   * Skaffold config's deploy step): an image name built two ways is linked
   * to the build that deploys the manifest naming it.
   */
  deploys?: ReadonlySet<string>;
  /** The command the build makes the container run instead of the image's (Tilt's `entrypoint=`): exec words or one shell string. */
  entrypoint?: { form: 'exec' | 'shell'; words: Word[]; span: Span };
}

/** An image reference split the way the engines read it (distribution/reference's normalisation). */
export interface ImageRef {
  raw: string;
  /** docker.io for Docker Hub (also for `library/` images). */
  domain: string;
  /** The path after the domain; Docker Hub's official images get `library/`. */
  path: string;
  /** The tag as written; undefined when none (the engines pull `latest`). */
  tag?: string;
  digest?: string;
  /** The name or the tag holds a variable ($X, ${X}, {{…}}) that could not be resolved. */
  variableName: boolean;
  variableTag: boolean;
}

const VARIABLE = /\$|\{\{|%\{/;

/** A tag that names a debug variant of an image (`debug`, `1.4-debug`, `dbg-amd64`, `dlv`). */
export const DEBUG_TAG = /(?:^|[._-])(?:debug|dbg|delve|dlv)(?:[._-]|$)/i;

/**
 * `acme/app` → docker.io/acme/app; `app` → docker.io/library/app;
 * `localhost:5000/app:dev` → localhost:5000 + app, tag dev. The first
 * component is a registry when it has a `.` or a `:` or is `localhost`.
 * Undefined for what is no image reference at all (empty, spaces).
 */
export function parseImageRef(raw: string): ImageRef | undefined {
  let s = raw.trim().replace(/^["']|["']$/g, '');
  if (s === '' || /\s/.test(s)) return undefined;
  let digest: string | undefined;
  const at = s.indexOf('@');
  if (at >= 0) {
    digest = s.slice(at + 1);
    s = s.slice(0, at);
  }
  let tag: string | undefined;
  // The tag separator: the last colon after the last slash, outside `${…}`.
  let colon = -1;
  for (let i = 0, depth = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && s[i + 1] === '{') { depth++; i++; continue; }
    if (c === '}' && depth > 0) { depth--; continue; }
    if (depth > 0) continue;
    if (c === '/') colon = -1;
    else if (c === ':') colon = i;
  }
  if (colon >= 0) {
    tag = s.slice(colon + 1);
    s = s.slice(0, colon);
  }
  let domain = 'docker.io';
  let path = s;
  const slash = s.indexOf('/');
  if (slash > 0) {
    const first = s.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      domain = first === 'index.docker.io' ? 'docker.io' : first;
      path = s.slice(slash + 1);
    }
  }
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (path === '' || path.endsWith('/')) return undefined;
  return {
    raw,
    domain: domain.toLowerCase(),
    path,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
    variableName: VARIABLE.test(domain) || VARIABLE.test(path),
    variableTag: tag !== undefined && VARIABLE.test(tag),
  };
}

/** The index key of a reference: domain and path, as the engines compare them. */
export function imageKey(r: ImageRef): string {
  return `${r.domain}/${r.path}`;
}

export interface ImageBuild {
  spec: ImageBuildSpec;
  /** The tag entry of spec.tags this build is indexed by. */
  tag: Valued<string>;
  ref: ImageRef;
}

export interface ImageLink {
  build: ImageBuild;
  /** Set when the link is by name only (the tags differ, or one is a variable): said in a related location. */
  note?: string;
}

/** Every image the repository builds, by repository name: one lookup per runtime reference. */
export class ImageIndex {
  private readonly byKey = new Map<string, ImageBuild[]>();

  add(spec: ImageBuildSpec): void {
    for (const tag of spec.tags) {
      let ref = parseImageRef(tag.value);
      if (ref?.variableName) {
        // `${REGISTRY_PREFIX}org/app:tag`: one variable in front of a repository with an organisation, the registry
        // a Makefile puts there (`$(if $(REGISTRY),$(REGISTRY)/,)`). Indexed by the repository it names, as a
        // link by name only (the registry is said in the note); any other variable in a name is no name.
        const m = /^\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|\([A-Za-z_][A-Za-z0-9_]*\))\/?([a-z0-9][a-z0-9._-]*\/[^$:]+(?::.*)?)$/.exec(tag.value.trim());
        const rest = m ? parseImageRef(m[1]!) : undefined;
        ref = rest && !rest.variableName && rest.domain === 'docker.io' ? { ...rest, raw: tag.value, variableTag: true } : undefined;
      }
      if (!ref || ref.variableName) continue;
      const k = imageKey(ref);
      const list = this.byKey.get(k);
      const b: ImageBuild = { spec, tag, ref };
      if (list) list.push(b);
      else this.byKey.set(k, [b]);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The repository names built from a Dockerfile `mayMatter` accepts (or an inline one): the relevance filter's needles. */
  builtFrom(mayMatter: (dockerfilePath: string) => boolean): string[] {
    const out: string[] = [];
    for (const list of this.byKey.values()) {
      if (list.some((b) => b.spec.inline !== undefined || b.spec.entrypoint !== undefined || (b.spec.dockerfile !== undefined ? mayMatter(b.spec.dockerfile) : b.spec.context !== undefined && (mayMatter(`${b.spec.context ? b.spec.context + '/' : ''}Dockerfile`) || mayMatter(`${b.spec.context ? b.spec.context + '/' : ''}Containerfile`))))) out.push(list[0]!.ref.path);
    }
    return out;
  }

  /**
   * The build behind an image reference. An exact tag wins (no tag = latest);
   * otherwise, when every build of that name builds the same Dockerfile and
   * stage, that one, with a note that only the name matched; when the builds
   * of that name differ, none (ambiguous: no guess).
   */
  lookup(raw: string, runtimePath?: string): ImageLink | undefined {
    const ref = parseImageRef(raw);
    if (!ref || ref.variableName) return undefined;
    let list = this.byKey.get(imageKey(ref));
    if (!list || list.length === 0) return undefined;
    if (runtimePath !== undefined && list.some((b) => b.spec.deploys)) {
      // The build whose deploy step renders this manifest; else the builds that say nothing of where they run.
      // None: every build of the name says where it runs, and it is not this file.
      const claimed = list.filter((b) => b.spec.deploys?.has(runtimePath));
      list = claimed.length > 0 ? claimed : list.filter((b) => !b.spec.deploys);
      if (list.length === 0) return undefined;
    }
    const tagOf = (r: ImageRef): string => r.tag ?? 'latest';
    const same = (a: ImageBuild, b: ImageBuild): boolean => a.spec.dockerfile === b.spec.dockerfile && a.spec.target === b.spec.target && a.spec.context === b.spec.context && a.spec.inline === b.spec.inline;
    if (!ref.variableTag) {
      const exact = list.filter((b) => !b.ref.variableTag && tagOf(b.ref) === tagOf(ref));
      if (exact.length > 0 && exact.every((b) => same(b, exact[0]!))) return { build: exact[0]! };
      if (exact.length > 0) return undefined;
    }
    if (!list.every((b) => same(b, list[0]!))) return undefined;
    // Built only under a debug tag (`acme/banner:debug`) and run under another (`acme/banner:latest`, `:v2`): the
    // engine runs the image of that tag, pulled from a registry, not the debug build, which the repository makes
    // beside the image it releases. No link (a PTD001 on the plain run would be about a Dockerfile it does not run).
    if (!ref.variableTag && !DEBUG_TAG.test(tagOf(ref)) && list.every((x) => !x.ref.variableTag && DEBUG_TAG.test(tagOf(x.ref)))) return undefined;
    const b = list[0]!;
    const written = ref.tag ?? '(no tag: latest)';
    const built = b.ref.tag ?? '(no tag: latest)';
    return { build: b, note: `The image is linked to this build by its name only: it is run as \`${raw.trim()}\` (tag ${written}) and built as \`${b.tag.value}\` (tag ${built}).` };
  }
}

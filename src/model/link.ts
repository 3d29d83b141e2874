/**
 * Linking a container to the Dockerfile behind it: a build it declares (a
 * Compose `build:`, a devcontainer's `build`), or an image name it runs that
 * the repository builds somewhere else (images.ts). Every Dockerfile stage a
 * runtime links is remembered, so that a Dockerfile's own launch (one with an
 * unknown runtime, dockerfiles.ts) is made only for stages nothing runs.
 */
import { posix } from 'node:path';
import { parseInlineDockerfile, targetStage, type DfStage, type DockerfileDoc } from '../parse/dockerfile.js';
import { imageFacts, type BaseImage, type CommandLike, type ImageFacts, type Project } from './project.js';
import { analyzeCommands, analyzeWords } from './commands.js';
import { splitWord } from '../parse/shell.js';
import { parseImageRef, type ImageIndex, type ImageLink } from './images.js';
import type { Relevance } from './relevance.js';
import type { Related, SourceFile, Span, Valued } from '../types.js';
import { copyMounts, repoJoin, type Mount } from './scripts.js';

export interface BuildRef {
  /** The build context, repository-relative ('' = root); undefined when unknown. */
  context?: string;
  /** The Dockerfile, repository-relative; undefined = the context's default file. */
  dockerfile?: string;
  target?: string;
  /** podman/buildah look for Containerfile first. */
  flavor?: 'docker' | 'podman';
  inline?: Valued<string>;
}

export interface LinkedImage {
  facts: ImageFacts;
  /** The command the build makes the container run instead of the image's ENTRYPOINT and CMD (Tilt's entrypoint=). */
  entrypoint?: CommandLike;
  /** A link by image name: where the image is built. */
  related: Related[];
}

/** File names a builder tries in a context when no Dockerfile is named (facts: /work/research, docs/linking.md). */
export function defaultNames(flavor: 'docker' | 'podman' = 'docker'): string[] {
  // docker build, buildx and BuildKit: Dockerfile, then lowercase dockerfile; podman/buildah: Containerfile, then Dockerfile.
  return flavor === 'podman' ? ['Containerfile', 'Dockerfile'] : ['Dockerfile', 'dockerfile'];
}

/** How many images built on images built in the repository a Dockerfile is followed through (FROM a FROM b …). */
export const MAX_BASE_HOPS = 8;

export class Linker {
  /** `<dockerfile path>#<stage index>` of every stage a runtime links. */
  readonly used = new Set<string>();
  private readonly inlineDocs = new Map<string, DockerfileDoc | undefined>();
  /** The local base of each root stage (`<dockerfile path>#<stage index>`), null when it has none. */
  private readonly bases = new Map<string, BaseImage | null>();
  /** The root stages whose base is being worked out, outermost first (a cycle comes back to one of them). */
  private readonly resolving: string[] = [];

  constructor(
    readonly project: Project,
    readonly index: ImageIndex,
    readonly relevance?: Relevance,
  ) {
    project.localBase = (root, doc) => this.base(root, doc);
  }

  /**
   * The image a root stage (one that builds on no stage of its file) starts FROM, when the repository builds
   * it: `FROM acme/base` after `docker build -t acme/base -f base/Dockerfile .` is that build, as BuildKit
   * takes the local image. The tag must be the one built (no tag = latest; a variable tag links by name
   * only, with its note): a different tag is another image, from a registry. Followed through
   * MAX_BASE_HOPS images; a chain that comes back to a stage it started from (A FROM B FROM A) is a PTD900
   * problem at the FROM that closes it, and inherits nothing from there on.
   */
  base(root: DfStage, doc: DockerfileDoc): BaseImage | undefined {
    if (root.parent) return undefined;
    const raw = root.image.value.trim();
    if (raw === '' || raw.toLowerCase() === 'scratch' || this.index.size === 0) return undefined;
    const key = `${doc.file.path}#${root.index}`;
    const known = this.bases.get(key);
    if (known !== undefined) return known ?? undefined;
    if (this.resolving.includes(key)) {
      const loop = [...this.resolving.slice(this.resolving.indexOf(key)), key].map((k) => k.replace(/#\d+$/, '')).join(' → ');
      this.project.problem({ path: doc.file.path, reason: `builds FROM ${raw}, an image built from a Dockerfile that builds on this one (${loop}); the loop was not followed`, span: root.fromSpan });
      return undefined;
    }
    const link = this.index.lookup(raw);
    if (!link || (link.note !== undefined && !link.build.ref.variableTag && !parseImageRef(raw)?.variableTag)) {
      this.bases.set(key, null);
      return undefined;
    }
    if (this.resolving.length >= MAX_BASE_HOPS) {
      this.project.problem({ path: doc.file.path, reason: `builds FROM ${raw}, more than ${MAX_BASE_HOPS} locally built images down; its base was not followed`, span: root.fromSpan });
      return undefined;
    }
    const spec = link.build.spec;
    // A Dockerfile FROM the very name it is built as (a Compose `image: postgres:16` beside `build: ./db`, whose
    // Dockerfile is FROM postgres:16): the engine builds on the image it had, the registry's. No base, no loop.
    if (!spec.inline && this.dockerfilePath(spec) === doc.file.path) {
      this.bases.set(key, null);
      return undefined;
    }
    this.resolving.push(key);
    let facts: ImageFacts | undefined;
    try {
      facts = this.build({ ...(spec.context !== undefined ? { context: spec.context } : {}), ...(spec.dockerfile !== undefined ? { dockerfile: spec.dockerfile } : {}), ...(spec.target !== undefined ? { target: spec.target } : {}), ...(spec.inline ? { inline: spec.inline } : {}), flavor: spec.flavor ?? 'docker' }, [], { base: true });
    } finally {
      this.resolving.pop();
    }
    const found: BaseImage | null = facts ? { facts, related: { span: link.build.tag.span, message: link.note ?? `\`FROM ${raw}\` (${doc.file.path}) is the image built here (${facts.dockerfile.file.path}${spec.target ? `, stage ${spec.target}` : ''}): it builds on what that image installs and runs.` } } : null;
    this.bases.set(key, found);
    return found ?? undefined;
  }

  /** The Dockerfile a build uses: the named one, else the first default name that exists in the context. */
  dockerfilePath(b: BuildRef): string | undefined {
    if (b.dockerfile !== undefined) return b.dockerfile;
    if (b.context === undefined) return undefined;
    const names = defaultNames(b.flavor);
    for (const n of names) {
      const p = repoJoin(b.context, n);
      if (p !== undefined && this.project.exists(p, 'dockerfile')) return p;
    }
    return repoJoin(b.context, names[0]!);
  }

  /**
   * The facts of a build. `files` are the runtime's own files: with the
   * relevance filter, the Dockerfile is parsed only when the launch may
   * matter (it or they mention a debugger, or link to what does).
   */
  build(b: BuildRef, files: readonly SourceFile[], opts: { always?: boolean; base?: boolean } = {}): ImageFacts | undefined {
    let doc: DockerfileDoc | undefined;
    let dfPath: string | undefined;
    if (b.inline) {
      const key = `${b.inline.span.file.path}@${b.inline.span.start}`;
      if (!this.inlineDocs.has(key)) this.inlineDocs.set(key, parseInlineDockerfile(b.inline));
      doc = this.inlineDocs.get(key);
      dfPath = key;
    } else {
      dfPath = this.dockerfilePath(b);
      if (dfPath === undefined) return undefined;
      const p = dfPath;
      if (!opts.always && this.relevance && !this.relevance.launchMayMatter(files, () => this.project.file(p, 'dockerfile'))) return undefined;
      doc = this.project.dockerfile(dfPath);
    }
    if (!doc) return undefined;
    const contexts = b.context !== undefined ? [b.context] : [posix.dirname(dfPath) === '.' ? '' : posix.dirname(dfPath), ''].filter((c, i, a) => a.indexOf(c) === i);
    const facts = imageFacts(doc, b.target, { project: this.project, contexts });
    // The images it builds on are not marked: their own launches are made unless their command is the one this
    // runs (dockerfiles.ts skips a command a runtime runs), as an ENTRYPOINT of the image's own replaces theirs.
    if (facts && !opts.base) this.markUsed(doc, b.target);
    return facts;
  }

  private copyIndex?: Map<string, Mount[]>;

  /**
   * What the repository's Dockerfiles put at an absolute container path by a COPY/ADD from the
   * build context (`COPY dlv.sh /opt/tool/` gives /opt/tool/dlv.sh), for a runtime whose image the
   * repository does not build under the name it runs (a registry tag pushed by hand) but whose
   * command names that path: kubeflow's debug StatefulSet runs `command: ["/opt/kubeflow/dlv.sh"]`
   * from an image its DockerfileDebug makes. Only the Dockerfiles that may matter (they mention a
   * debugger) are read, and only the exact path named, so an unrelated image's files never answer.
   */
  copiedTo(containerPath: string): Mount[] {
    if (!this.copyIndex) {
      this.copyIndex = new Map();
      for (const path of this.relevance?.dockerfileCandidates() ?? []) {
        const doc = this.project.dockerfile(path);
        if (!doc) continue;
        const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
        const contexts = [...new Set([dir, ''])];
        for (const stage of doc.stages) {
          for (const m of copyMounts(stage, contexts)) {
            if (m.container === '/' || m.repo.length === 0) continue;
            const list = this.copyIndex.get(m.container) ?? [];
            if (!list.some((x) => x.repo.join('\0') === m.repo.join('\0'))) list.push({ ...m, exact: true });
            this.copyIndex.set(m.container, list);
          }
        }
      }
    }
    const p = posix.normalize(containerPath);
    return this.copyIndex.get(p.length > 1 ? p.replace(/\/$/, '') : p) ?? [];
  }

  markUsed(doc: DockerfileDoc, target?: string): void {
    const st = targetStage(doc, target);
    if (st) this.used.add(`${doc.file.path}#${st.index}`);
  }

  /** The build behind an image name a runtime runs, with where it is built. */
  image(raw: string, files: readonly SourceFile[]): LinkedImage | undefined {
    const link: ImageLink | undefined = this.index.lookup(raw, files[0]?.path);
    if (!link) return undefined;
    const spec = link.build.spec;
    const facts = this.build({ ...(spec.context !== undefined ? { context: spec.context } : {}), ...(spec.dockerfile !== undefined ? { dockerfile: spec.dockerfile } : {}), ...(spec.target !== undefined ? { target: spec.target } : {}), ...(spec.inline ? { inline: spec.inline } : {}), flavor: spec.flavor ?? 'docker' }, [...files, spec.file]);
    if (!facts) return undefined;
    const span: Span = link.build.tag.span;
    const related: Related[] = [{ span, message: link.note ?? `The image \`${raw.trim()}\` is built here (${facts.dockerfile.file.path}${spec.target ? `, stage ${spec.target}` : ''}).` }];
    for (let base = facts.base, n = 0; base && n < MAX_BASE_HOPS; base = base.facts.base, n++) related.push(base.related);
    const ep = spec.entrypoint;
    let entrypoint: CommandLike | undefined;
    if (ep?.form === 'exec') entrypoint = { form: 'exec', words: ep.words, span: ep.span, facts: analyzeWords(ep.span.file, ep.words) };
    else if (ep) {
      const cmds = splitWord(ep.words[0]!);
      entrypoint = { form: 'shell', words: cmds.flatMap((c) => c.words), commands: cmds, span: ep.span, facts: analyzeCommands(ep.span.file, cmds) };
    }
    if (entrypoint) related.push({ span: ep!.span, message: "The container runs this instead of the image's ENTRYPOINT." });
    return { facts, related, ...(entrypoint ? { entrypoint } : {}) };
  }
}

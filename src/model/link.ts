/**
 * Linking a container to the Dockerfile behind it: a build it declares (a
 * Compose `build:`, a devcontainer's `build`), or an image name it runs that
 * the repository builds somewhere else (images.ts). Every Dockerfile stage a
 * runtime links is remembered, so that a Dockerfile's own launch (one with an
 * unknown runtime, dockerfiles.ts) is made only for stages nothing runs.
 */
import { posix } from 'node:path';
import { parseInlineDockerfile, targetStage, type DockerfileDoc } from '../parse/dockerfile.js';
import { imageFacts, type CommandLike, type ImageFacts, type Project } from './project.js';
import { analyzeCommands, analyzeWords } from './commands.js';
import { splitWord } from '../parse/shell.js';
import type { ImageIndex, ImageLink } from './images.js';
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

export class Linker {
  /** `<dockerfile path>#<stage index>` of every stage a runtime links. */
  readonly used = new Set<string>();
  private readonly inlineDocs = new Map<string, DockerfileDoc | undefined>();

  constructor(
    readonly project: Project,
    readonly index: ImageIndex,
    readonly relevance?: Relevance,
  ) {}

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
  build(b: BuildRef, files: readonly SourceFile[], opts: { always?: boolean } = {}): ImageFacts | undefined {
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
    if (facts) this.markUsed(doc, b.target);
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

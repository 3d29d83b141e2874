/**
 * A Dockerfile on its own is a container: many repositories have only a
 * `Dockerfile.debug`, run from a README line, an IDE or CI. Each stage that
 * ends the file or has a CMD/ENTRYPOINT of its own, and that no runtime file
 * of the repository runs (Linker.used), is a launch of kind `dockerfile`
 * whose runtime is unknown: the rules that do not depend on the runtime
 * (where delve listens, how the debugged binary is built) read it; those that
 * do stay quiet, or say how to run it (an attach in the image's own command).
 * A stage a runtime runs is that runtime's launch instead, never both.
 */
import { posix } from 'node:path';
import type { DfStage, DockerfileDoc } from '../parse/dockerfile.js';
import { imageFacts, runFacts, type Project } from './project.js';
import type { Launch } from './launch.js';
import type { Linker } from './link.js';
import { followContext } from './scripts.js';
import type { Span } from '../types.js';

function ownCommand(s: DfStage): boolean {
  const c = s.entrypoint ?? s.cmd;
  return !!c && c.span.start >= s.span.start && c.span.end <= s.span.end;
}

function spanKey(sp: Span): string {
  return `${sp.file.path}@${sp.start}`;
}

export function dockerfileLaunches(project: Project, paths: string[], linker: Linker, others: Launch[]): Launch[] {
  const out: Launch[] = [];
  // Command spans runtimes already run: an inheriting stage adds nothing new.
  const seen = new Set<string>();
  for (const l of others) {
    const c = l.stage?.entrypoint ?? l.stage?.cmd;
    if (c) seen.add(spanKey(c.span));
  }
  for (const path of paths) {
    const doc: DockerfileDoc | undefined = project.dockerfile(path);
    if (!doc) continue;
    const last = doc.stages[doc.stages.length - 1];
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const contexts = [...new Set([dir, ''])];
    for (const stage of doc.stages) {
      if (stage !== last && !ownCommand(stage)) continue;
      if (linker.used.has(`${path}#${stage.index}`)) continue;
      const cmd = stage.entrypoint ?? stage.cmd;
      if (cmd && seen.has(spanKey(cmd.span))) continue;
      const facts = imageFacts(doc, stage, { project, contexts });
      if (!facts) continue;
      // What the stage runs as built: FROM an image the repository builds, what it does not set comes from that image.
      const eff = facts.stage;
      const inherited = eff.entrypoint ?? eff.cmd;
      if (inherited !== cmd && inherited && seen.has(spanKey(inherited.span))) continue;
      const follow = followContext(project, { mounts: facts.mounts, workdir: eff.workdir ?? '/', vars: eff.vars });
      const run = runFacts(eff.entrypoint, eff.cmd, follow);
      const tools = [...facts.tools, ...run.tools];
      if (tools.length === 0) continue;
      if (cmd) seen.add(spanKey(cmd.span));
      if (inherited && inherited !== cmd) seen.add(spanKey(inherited.span));
      const label = stage.name ? `${path} (stage ${stage.name.value})` : doc.stages.length > 1 ? `${path} (stage ${stage.index})` : path;
      out.push({
        id: `dockerfile:${path}#${stage.name?.value ?? stage.index}`,
        kind: 'dockerfile',
        name: label,
        anchor: inherited?.span ?? stage.fromSpan,
        file: doc.file,
        image: stage.image,
        dockerfile: doc,
        stage: eff,
        ...(eff.user ? { user: eff.user } : {}),
        capAdd: [],
        capDrop: [],
        securityOpt: [],
        hasPtrace: false,
        tools,
        builds: [...facts.builds, ...run.builds],
        ports: [],
        ...(facts.fileCapPtrace ? { fileCapPtrace: facts.fileCapPtrace } : {}),
        source: { kind: 'dockerfile' },
      });
    }
  }
  return out;
}

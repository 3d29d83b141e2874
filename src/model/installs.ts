/**
 * Every `go install` / `go get` of delve the repository runs: in each
 * Dockerfile that may hold one (with the images of its stage chain, whose Go
 * builds it), and in the commands launches run (with the launch's image).
 */
import { expandVars, stageChain, type DfStage } from '../parse/dockerfile.js';
import { analyzeCommands, type ToolUse } from './commands.js';
import { splitShell } from '../parse/shell.js';
import { commandFileOf } from './cmdfiles.js';
import { COMMAND_KINDS, mayNameDelveModule } from './relevance.js';
import type { Launch } from './launch.js';
import type { Project } from './project.js';
import type { Relevance } from './relevance.js';
import type { SourceFile, Valued } from '../types.js';

export interface DelveInstallSite {
  tool: ToolUse;
  /** The launch it belongs to, when it is part of one. */
  launch?: Launch;
  /** The images whose Go may build it, nearest first: the stage chain's FROM images, or the launch's image. */
  images: Valued<string>[];
  /** The version after @ with the stage's ARG/ENV defaults substituted (`@${DELVE_VERSION}`, ARG DELVE_VERSION=latest → latest). */
  version?: string;
}

function stageAt(stages: DfStage[], offset: number): DfStage | undefined {
  return stages.find((s) => s.span.start <= offset && offset <= s.span.end);
}

function isGoInstall(t: ToolUse): boolean {
  return t.tool === 'dlv' && t.use === 'install' && (t.install?.method === 'go-install' || t.install?.method === 'go-get');
}

export function delveInstallSites(project: Project, relevance: Relevance, launches: Launch[], commandFiles: SourceFile[] = []): DelveInstallSite[] {
  const out: DelveInstallSite[] = [];
  const seen = new Set<string>();
  const add = (i: DelveInstallSite): void => {
    const k = `${i.tool.span.file.path}:${i.tool.span.start}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(i);
  };
  // A Dockerfile that installs delve with go names its module, and one whose installs are all pinned
  // `go install`s of the current module gives no finding: the others are not parsed here.
  const byTool = new Map<ToolUse, Launch>();
  for (const l of launches) for (const t of l.tools) if (isGoInstall(t) && !byTool.has(t)) byTool.set(t, l);
  for (const path of relevance.delveInstallCandidates()) {
    const doc = project.dockerfile(path);
    if (!doc) continue;
    for (const stage of doc.stages) {
      for (const r of stage.runs) {
        for (const t of r.facts.tools.filter(isGoInstall)) {
          const s = stageAt(doc.stages, t.span.start) ?? stage;
          const launch = byTool.get(t);
          const v = t.install?.version;
          add({ tool: t, ...(launch ? { launch } : {}), images: stageChain(s).map((st) => st.image), ...(v !== undefined ? { version: expandVars(v, s.vars) } : {}) });
        }
      }
    }
  }
  // A Tiltfile that writes its dev image's Dockerfile as a string (`dockerfile_contents = """FROM golang … RUN go
  // install …/dlv@latest"""`, as cluster-api-style Tiltfiles do): each RUN line of it, at its place in the Tiltfile.
  // The same for Dockerfiles that scripts and Makefiles write (`cat > Dockerfile.debug <<EOF`, `sed -e '/…/a\\ RUN go install …'`).
  for (const f of project.files) if ((f.kind === 'tiltfile' || COMMAND_KINDS.has(f.kind)) && mayNameDelveModule(f.text)) for (const site of embeddedRunInstalls(f)) add(site);
  // (Before the launches' own: a Tilt build's dockerfile_contents is also parsed as its image's Dockerfile, from a
  // copy of the Tiltfile with the rest blanked, and the site must be the Tiltfile's own text, which a fix edits.)
  for (const l of launches) {
    for (const t of l.tools.filter(isGoInstall)) {
      add({ tool: t, launch: l, images: l.image ? [l.image] : [] });
    }
  }
  // Installs on the developer's machine or CI runner (a Makefile's `go get …delve…`): the same breakage.
  for (const f of commandFiles) {
    const cf = commandFileOf(project, f);
    if (!mayNameDelveModule(f.text)) continue;
    for (const t of analyzeCommands(f, cf.commands).tools.filter(isGoInstall)) {
      const v = t.install?.version;
      add({ tool: t, images: [], ...(v !== undefined ? { version: cf.expandFor(cf.commands.find((c) => c.start <= t.span.start && t.span.start <= c.end) ?? cf.commands[0]!, v) } : {}) });
    }
  }
  return out;
}

/**
 * The delve installs of Dockerfile RUN lines written inside another file's text (a Tiltfile's strings, a script's
 * heredoc, a Makefile's sed script), at their place in it, with the FROM image above them in the same string.
 */
function embeddedRunInstalls(f: SourceFile): DelveInstallSite[] {
  const out: DelveInstallSite[] = [];
  const text = f.text;
  const QUOTES = /"""|'''/;
  for (const m of text.matchAll(/^[ \t]*RUN[ \t]+/gm)) {
    const from = m.index + m[0].length;
    // The logical line: continued by a trailing backslash, ended by the string's closing quotes.
    let end = from;
    for (;;) {
      const nl = text.indexOf('\n', end);
      const stop = nl < 0 ? text.length : nl;
      const q = text.slice(end, stop).search(QUOTES);
      if (q >= 0) { end += q; break; }
      end = stop;
      if (nl < 0 || !/\\\s*$/.test(text.slice(from, stop))) break;
      end = nl + 1;
    }
    let body = text.slice(from, end);
    // A quote that a physical line does not close ends the text the RUN line was written in (`…dlv@latest' \\`
    // of a sed script): the RUN line stops there.
    let lineAt = 0;
    for (const line of body.split('\n')) {
      const unclosed = ["'", '"'].map((q) => (line.split(q).length % 2 === 0 ? line.indexOf(q) : -1)).filter((i) => i >= 0);
      if (unclosed.length > 0) { body = body.slice(0, lineAt + Math.min(...unclosed)); break; }
      lineAt += line.length + 1;
    }
    if (!mayNameDelveModule(body)) continue;
    const before = text.slice(0, m.index);
    const open = Math.max(before.lastIndexOf('"""'), before.lastIndexOf("'''")) + 3;
    const fromLine = [...before.slice(open).matchAll(/^[ \t]*FROM[ \t]+(?:--platform=\S+[ \t]+)?(\S+)/gim)].pop();
    const at = fromLine ? open + fromLine.index + fromLine[0].length - fromLine[1]!.length : 0;
    const images: Valued<string>[] = fromLine ? [{ value: fromLine[1]!, span: { file: f, start: at, end: at + fromLine[1]!.length } }] : [];
    for (const t of analyzeCommands(f, splitShell(body, { base: from })).tools.filter(isGoInstall)) {
      out.push({ tool: t, images, ...(t.install?.version !== undefined ? { version: t.install.version } : {}) });
    }
  }
  return out;
}

/** Build every launch of the project. */
import type { Node as JNode } from 'jsonc-parser';
import { findNodeAtLocation, parseJsonc } from '../parse/jsonc-lib.js';
import { composeLaunches, type ComposeService } from './compose.js';
import { composeFilesOf, devcontainerLaunch, parseDevcontainer, type DevcontainerDoc } from './devcontainer.js';
import { Relevance } from './relevance.js';
import { kubernetesLaunches, type K8sModel } from './kubernetes.js';
import { runLineLaunches } from './runlines.js';
import type { Project } from './project.js';
import { loadSeccompProfiles, type SeccompProfile } from './seccomp.js';
import type { Launch } from './launch.js';
import { delveInstallSites, type DelveInstallSite } from './installs.js';
import type { Span } from '../types.js';

export interface Model {
  launches: Launch[];
  devcontainers: DevcontainerDoc[];
  kubernetes: K8sModel;
  /** Which files were worth reading (see relevance.ts). */
  relevance: Relevance;
  /** Every `go install`/`go get` of delve (PTD011, PTD012). */
  installs: DelveInstallSite[];
}

/** `.vscode/launch.json` configurations that attach to a local process. */
function editorAttachConfigs(project: Project): Span[] {
  const out: Span[] = [];
  for (const f of project.files.filter((x) => x.kind === 'vscode-launch')) {
    const root = parseJsonc(f.text);
    const configs = root ? findNodeAtLocation(root, ['configurations']) : undefined;
    for (const c of configs?.children ?? []) {
      const req = findNodeAtLocation(c, ['request']);
      const type = findNodeAtLocation(c, ['type']);
      const mode = findNodeAtLocation(c, ['mode']);
      const pid = findNodeAtLocation(c, ['processId']);
      if (req?.value === 'attach' && (type?.value === 'go' || type?.value === 'cppdbg' || type?.value === 'lldb') && (mode?.value !== 'remote') && (pid || mode?.value === 'local' || type?.value !== 'go')) {
        out.push({ file: f, start: c.offset, end: c.offset + Math.min(c.length, 1) });
      }
    }
  }
  return out;
}

export interface ModelOptions {
  /** Turn off the relevance filter (tests compare both ways). */
  readEverything?: boolean;
  /** Only some sub-paths were discovered: files they link to may lie outside (see Relevance). */
  partial?: boolean;
}

export function buildModel(project: Project, opts: ModelOptions = {}): Model {
  const relevance = new Relevance(project.files, opts.readEverything, opts.partial);
  // Dev containers first: the Compose files they name are read whatever their content.
  const devcontainers: DevcontainerDoc[] = [];
  const named = new Set<string>();
  for (const f of project.files.filter((x) => x.kind === 'devcontainer')) {
    const doc = parseDevcontainer(project, f);
    if (!doc) continue;
    devcontainers.push(doc);
    for (const p of composeFilesOf(doc)) named.add(p);
  }
  // Read them wherever they are: a scan of some sub-paths (a dev container's
  // directory, a pre-commit hook's changed files) or a name that discovery does
  // not take for Compose leaves them undiscovered, and the dev container's
  // launch is built from their services.
  for (const p of named) {
    const f = project.file(p, 'compose');
    if (f) project.add(f);
  }
  const { launches: composeAll, services } = composeLaunches(project, relevance.composeFiles(named), relevance);
  const claimed = new Set<ComposeService>();
  const dcLaunches = devcontainers.map((doc) => devcontainerLaunch(project, doc, services, claimed));
  const attach = editorAttachConfigs(project);
  if (attach.length > 0) for (const l of dcLaunches) l.editorAttach = attach[0];
  const composeKept = composeAll.filter((_, i) => !claimed.has(services[i]!));
  const kubernetes = kubernetesLaunches(project, relevance.hotKubernetesFiles());
  kubernetesLaunches(project, relevance.coldKubernetesServices(kubernetes.labels.values()), kubernetes);
  const launches = [...composeKept, ...dcLaunches, ...kubernetes.launches, ...runLineLaunches(project, relevance.runLineFiles(), relevance)];
  const profiles = new Map<string, SeccompProfile | undefined>();
  for (const l of launches) {
    const refs = loadSeccompProfiles(project, l.securityOpt, profiles);
    if (refs.length > 0) l.seccompProfiles = refs;
  }
  return { launches, devcontainers, kubernetes, relevance, installs: delveInstallSites(project, relevance, launches) };
}

export type { JNode };

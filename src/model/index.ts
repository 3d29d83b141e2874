/** Build every launch of the project. */
import type { Node as JNode } from 'jsonc-parser';
import { findNodeAtLocation, parseJsoncFile } from '../parse/jsonc-lib.js';
import { composeBuildSpecs, composeIncludes, composeLaunch, composeServices, markSharedAnchors, type ComposeService } from './compose.js';
import { addDebuggerImage, isDebuggingContainer } from './launch.js';
import { composeFilesOf, devcontainerLaunch, parseDevcontainer, type DevcontainerDoc } from './devcontainer.js';
import { Relevance } from './relevance.js';
import { chartHelpersMentionDebugger } from './helm.js';
import { kubernetesLaunches, type K8sModel } from './kubernetes.js';
import { commandBuildSpecs, composeExecTools, composeRunLaunches, runLineLaunches } from './runlines.js';
import { commandFileOf } from './cmdfiles.js';
import { bakeBuilds } from './bake.js';
import { skaffoldBuilds } from './skaffold.js';
import { tiltBuilds } from './tilt.js';
import { markdownCommands } from '../parse/markdown.js';
import { ImageIndex } from './images.js';
import { Linker, MAX_BASE_HOPS } from './link.js';
import { attachExecs, kubectlDebugLaunches, kubectlExecs, kubectlRunLaunches } from './kubectl.js';
import { kustomizeOverlays, setsKustomizeImage } from './kustomize.js';
import { workflowBuildSpecs, workflowLaunches } from './workflows.js';
import { grantFromDeployments, oktetoLaunches } from './okteto.js';
import { devspaceBuilds, devspaceLaunches } from './devspace.js';
import { dockerfileLaunches } from './dockerfiles.js';
import type { Project } from './project.js';
import { loadSeccompProfiles, type SeccompProfile } from './seccomp.js';
import type { Launch } from './launch.js';
import { delveInstallSites, type DelveInstallSite } from './installs.js';
import type { SourceFile, Span } from '../types.js';

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
    const root = parseJsoncFile(f);
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
}

export function buildModel(project: Project, opts: ModelOptions = {}): Model {
  const relevance = new Relevance(project.files, opts.readEverything, (p) => project.file(p, 'shell', { quiet: true }));
  project.mayMatter = (f) => relevance.mayLead(f);
  const index = new ImageIndex();
  const linker = new Linker(project, index, relevance);
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
  // The images the repository builds, so that a runtime that only names one is linked to its Dockerfile.
  const commandFiles = relevance.runLineFiles();
  const readCompose = (): ComposeService[] => {
    const files = relevance.composeFiles(named);
    // Files they `include:` are part of the same project, whatever their name.
    const includedBy = new Map<string, string>();
    const chain = (p: string): string[] => {
      const out = [p];
      for (let q = includedBy.get(p); q !== undefined && out.length < 16; q = includedBy.get(q)) out.push(q);
      return out;
    };
    for (let round = 0, fresh = files; fresh.length > 0; round++) {
      const next: SourceFile[] = [];
      for (const f of fresh) {
        const y = project.yaml(f);
        if (!y) continue;
        for (const p of composeIncludes(project, y)) {
          if (chain(f.path).includes(p)) {
            project.problem({ path: f.path, reason: `includes ${p}, which includes it back (${[...chain(f.path)].reverse().join(' → ')} → ${p}); each file was read once` });
            continue;
          }
          if (files.some((x) => x.path === p)) continue;
          if (round >= 4) {
            project.problem({ path: f.path, reason: `includes ${p} more than 4 levels down; it was not read` });
            continue;
          }
          const inc = project.file(p, 'compose');
          if (!inc) continue;
          project.add(inc);
          files.push(inc);
          next.push(inc);
          includedBy.set(p, f.path);
        }
      }
      fresh = next;
    }
    return composeServices(project, files);
  };
  let services = readCompose();
  for (const spec of composeBuildSpecs(project, services)) index.add(spec);
  for (const f of commandFiles) {
    const cf = commandFileOf(project, f);
    for (const spec of commandBuildSpecs(project, f, cf.commands, cf.expand, cf.variants)) index.add(spec);
    // A workflow's docker/build-push-action steps build images too.
    for (const spec of workflowBuildSpecs(project, f)) index.add(spec);
  }
  // DevSpace `images.<name>` builds (a manifest or dev config naming the image links to its Dockerfile).
  for (const f of relevance.devspaceFiles()) for (const spec of devspaceBuilds(project, f)) index.add(spec);
  // A command file that sets a kustomization's image (`kustomize edit set image`) chooses what it runs: its builds count.
  for (const f of project.files) {
    if (!setsKustomizeImage(f) || commandFiles.includes(f)) continue;
    const cf = commandFileOf(project, f);
    for (const spec of commandBuildSpecs(project, f, cf.commands, cf.expand, cf.variants)) index.add(spec);
  }
  for (const f of relevance.buildSourceFiles()) {
    const specs = f.kind === 'bake' ? bakeBuilds(project, f) : f.kind === 'skaffold' ? skaffoldBuilds(project, f) : f.kind === 'tiltfile' ? tiltBuilds(project, f) : commandBuildSpecs(project, f, markdownCommands(f.text));
    for (const spec of specs) index.add(spec);
  }
  // Files that run an image built from a Dockerfile that may matter may matter too.
  // A Dockerfile FROM such an image may matter in turn (it names the image): to a fixed point, a little deeper than
  // bases are followed (so that a chain too deep is read, and said to be, rather than silently left out).
  const hotImages: string[] = [];
  const hotSet = new Set<string>();
  for (let round = 0, grew = true; grew && round <= 2 * MAX_BASE_HOPS; round++) {
    const fresh = index.builtFrom((path) => {
      const f = project.file(path, 'dockerfile', { quiet: true });
      return f !== undefined && relevance.dockerfileMayMatter(f);
    }).filter((n) => !hotSet.has(n));
    grew = fresh.length > 0;
    for (const n of fresh) { hotSet.add(n); hotImages.push(n); }
    if (grew) relevance.addImageNames(fresh);
  }
  if (hotImages.length > 0) {
    services = readCompose();
  }
  const claimed = new Set<ComposeService>();
  const dcLaunches = devcontainers.map((doc) => devcontainerLaunch(project, doc, services, claimed, linker));
  const composeAll = services.filter((s) => !claimed.has(s)).map((s) => composeLaunch(project, s, linker));
  const attach = editorAttachConfigs(project);
  if (attach.length > 0) for (const l of dcLaunches) l.editorAttach = attach[0];
  // A manifest that spells a debugger is read aloud (a syntax error in it is a PTD900 note); one read only
  // because it names a debug image or script, or may hold a Service selecting a debug pod, is read quietly:
  // the name or label is found by a text test that a look-alike passes (a chart's files/, a test fixture).
  const k8sFiles = relevance.hotKubernetesFiles();
  const kubernetes = kubernetesLaunches(project, k8sFiles.filter((f) => relevance.spellsDebugger(f)), linker);
  kubernetesLaunches(project, k8sFiles.filter((f) => !relevance.spellsDebugger(f)), linker, kubernetes, { quiet: true });
  kubernetesLaunches(project, relevance.helmTemplates(), linker, kubernetes, { quiet: true });
  kubernetesLaunches(project, relevance.helmIncludeTemplates().filter((f) => !kubernetes.launches.some((l) => l.file === f) && chartHelpersMentionDebugger(project, f.path)), linker, kubernetes, { quiet: true });
  kubernetesLaunches(project, relevance.coldKubernetesServices(kubernetes.labels.values()), linker, kubernetes, { quiet: !relevance.readsEverything });
  // Kustomize overlays: the containers their patches change, as they render.
  kustomizeOverlays(project, linker, kubernetes);
  const runFiles = hotImages.length > 0 ? relevance.runLineFiles() : commandFiles;
  const runLaunches = [...runLineLaunches(project, runFiles, linker), ...composeRunLaunches(project, runFiles, composeAll, linker)];
  // `docker compose exec SERVICE dlv …` in a script or Makefile: the debugger runs in that service.
  composeExecTools(project, runFiles, composeAll);
  const kubectl = runFiles.flatMap((f) => {
    const cf = commandFileOf(project, f);
    return kubectlDebugLaunches(project, f, cf.commands, cf.expand, (x) => project.yaml(x)?.docs[0]?.toJS({ maxAliasCount: 100 }));
  });
  // `kubectl run NAME --image=… [--privileged] [--overrides='{…}'] -- dlv …`: a pod of its own.
  const kubectlRun = runFiles.flatMap((f) => {
    const cf = commandFileOf(project, f);
    return kubectlRunLaunches(f, cf.commands, cf.expand);
  });
  // `kubectl exec … -- dlv attach`: the debugger runs in a container of the repository's manifests.
  const execs = runFiles.flatMap((f) => {
    const cf = commandFileOf(project, f);
    return kubectlExecs(f, cf.commands, cf.expand);
  });
  if (execs.length > 0) {
    // The manifests they name, read quietly when no debugger word made them worth reading before.
    const names = execs.flatMap((e) => (e.name ? [e.name] : [...(e.labels?.values() ?? [])]));
    const read = new Set([...k8sFiles, ...kubernetes.launches.map((l) => l.file), ...kubernetes.services.map((x) => x.typeSpan.file)].map((f) => f.path));
    kubernetesLaunches(project, project.files.filter((f) => f.kind === 'kubernetes' && !read.has(f.path) && names.some((n) => f.text.includes(n))), linker, kubernetes, { quiet: true });
    attachExecs(execs, kubernetes.launches, kubernetes.labels);
  }
  // GitHub Actions job and service containers (their steps run in the job container).
  const jobContainers = workflowLaunches(project, runFiles, linker);
  // Okteto dev containers (okteto up swaps a Deployment's container for them).
  const okteto = oktetoLaunches(project, relevance.oktetoFiles(), linker);
  grantFromDeployments(okteto, kubernetes.launches);
  // DevSpace dev containers (devspace dev replaces the selected pod's container with them).
  const devspace = devspaceLaunches(project, relevance.devspaceFiles(), linker, kubernetes);
  // A third-party debugger image (`docker run --privileged acme/lldb-server`) is evidence by its name.
  for (const l of [...composeAll, ...runLaunches, ...jobContainers]) addDebuggerImage(l);
  const runtimes = [...composeAll, ...dcLaunches, ...kubernetes.launches, ...okteto, ...devspace, ...runLaunches, ...kubectl, ...kubectlRun, ...jobContainers];
  markSharedAnchors([...composeAll, ...dcLaunches], isDebuggingContainer);
  // A Dockerfile stage that no runtime runs is a launch of its own.
  const own = dockerfileLaunches(project, relevance.dockerfileCandidates(), linker, runtimes);
  const launches = [...runtimes, ...own];
  const profiles = new Map<string, SeccompProfile | undefined>();
  for (const l of launches) {
    const refs = loadSeccompProfiles(project, l.securityOpt, profiles);
    if (refs.length > 0) l.seccompProfiles = refs;
  }
  return { launches, devcontainers, kubernetes, relevance, installs: delveInstallSites(project, relevance, launches, runFiles) };
}

export type { JNode };

// File names the benchmark treats as container configuration. Mirrors
// classifyByName in src/discover/index.ts (kept here in plain JS so that the
// floor process does not load the product): every name ptrace-doctor reads.
const DASHED_DOCKERFILE = /^(docker|container)file[-_][^.]*$|^[^.]*[-_](docker|container)file$/;
const base = (p) => p.slice(p.lastIndexOf('/') + 1);

const TASKFILE_NAMES = new Set(['Taskfile.yml', 'taskfile.yml', 'Taskfile.yaml', 'taskfile.yaml', 'Taskfile.dist.yml', 'taskfile.dist.yml', 'Taskfile.dist.yaml', 'taskfile.dist.yaml']);
const BAKE_NAMES = new Set(['docker-bake.hcl', 'docker-bake.override.hcl', 'docker-bake.json', 'docker-bake.override.json']);
const AIR_NAMES = new Set(['.air.toml', 'air.toml', '.air.conf']);

/** The kind classifyByName gives (FileKind, 'yaml', or undefined). Extensionless scripts (a shebang peek) are not mirrored. */
export function nameKind(path) {
  const b = base(path);
  const lower = b.toLowerCase();
  if (lower === 'dockerfile' || lower === 'containerfile' || lower.endsWith('.dockerfile') || lower.endsWith('.containerfile') || lower.startsWith('dockerfile.') || lower.startsWith('containerfile.') || ((lower.includes('dockerfile') || lower.includes('containerfile')) && DASHED_DOCKERFILE.test(lower))) {
    return lower.endsWith('.dockerignore') ? undefined : 'dockerfile';
  }
  if (lower === 'devcontainer.json' && (path.includes('.devcontainer/') || path === 'devcontainer.json')) return 'devcontainer';
  if (lower === '.devcontainer.json') return 'devcontainer';
  if (lower === 'launch.json' && path.endsWith('.vscode/launch.json')) return 'vscode-launch';
  if (lower === 'tasks.json' && path.endsWith('.vscode/tasks.json')) return 'vscode-tasks';
  if (/\.ya?ml$/.test(lower)) {
    if (/^(docker-)?compose([.-].*)?\.ya?ml$/.test(lower)) return 'compose';
    if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'workflow';
    if (lower.endsWith('.gitlab-ci.yml') || lower.endsWith('.gitlab-ci.yaml') || path.startsWith('.gitlab/ci/') || path.includes('/.gitlab/ci/')) return 'gitlab-ci';
    if (TASKFILE_NAMES.has(b)) return 'taskfile';
    if (lower === 'skaffold.yaml' || lower === 'skaffold.yml') return 'skaffold';
    if (lower === 'okteto.yml' || lower === 'okteto.yaml') return 'okteto';
    if (lower === 'devspace.yaml' || lower === 'devspace.yml') return 'devspace';
    return 'yaml';
  }
  if (lower === 'makefile' || lower === 'gnumakefile' || lower.endsWith('.mk')) return 'makefile';
  if (lower.endsWith('.sh') || lower.endsWith('.bash')) return 'shell';
  if (lower === 'justfile' || lower === '.justfile' || lower.endsWith('.just')) return 'justfile';
  if (b === 'package.json') return 'package-json';
  if (BAKE_NAMES.has(b)) return 'bake';
  if (AIR_NAMES.has(b)) return 'air';
  if (b === 'Tiltfile' || lower.endsWith('.tiltfile')) return 'tiltfile';
  if (lower.startsWith('readme') && (lower === 'readme' || lower.endsWith('.md') || lower.endsWith('.markdown'))) return 'markdown';
  return undefined;
}

export const isConfigName = (path) => nameKind(path) !== undefined;

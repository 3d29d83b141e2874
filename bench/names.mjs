// File names the benchmark treats as container configuration. Mirrors
// classifyByName in src/discover/index.ts (kept here in plain JS so that the
// floor process does not load the product): every name ptrace-doctor reads.
const DASHED_DOCKERFILE = /^(docker|container)file[-_][^.]*$|^[^.]*[-_](docker|container)file$/;
const base = (p) => p.slice(p.lastIndexOf('/') + 1);

/** 'dockerfile' | 'compose' | 'devcontainer' | 'vscode-launch' | 'workflow' | 'yaml' | 'makefile' | 'shell' | undefined */
export function nameKind(path) {
  const lower = base(path).toLowerCase();
  if (lower === 'dockerfile' || lower === 'containerfile' || lower.endsWith('.dockerfile') || lower.endsWith('.containerfile') || lower.startsWith('dockerfile.') || lower.startsWith('containerfile.') || ((lower.includes('dockerfile') || lower.includes('containerfile')) && DASHED_DOCKERFILE.test(lower))) {
    return lower.endsWith('.dockerignore') ? undefined : 'dockerfile';
  }
  if (lower === 'devcontainer.json' && (path.includes('.devcontainer/') || path === 'devcontainer.json')) return 'devcontainer';
  if (lower === '.devcontainer.json') return 'devcontainer';
  if (lower === 'launch.json' && path.endsWith('.vscode/launch.json')) return 'vscode-launch';
  if (/\.ya?ml$/.test(lower)) {
    if (/^(docker-)?compose([.-].*)?\.ya?ml$/.test(lower)) return 'compose';
    if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'workflow';
    return 'yaml';
  }
  if (lower === 'makefile' || lower === 'gnumakefile' || lower.endsWith('.mk')) return 'makefile';
  if (lower.endsWith('.sh') || lower.endsWith('.bash')) return 'shell';
  return undefined;
}

export const isConfigName = (path) => nameKind(path) !== undefined;

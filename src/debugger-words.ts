/**
 * Lower-case words, one of which appears in some file of every launch with
 * debugger evidence: the debuggers, a ptrace capability, a shared PID
 * namespace (`pid: service:x`, `--pid=container:x`, `shareProcessNamespace`),
 * a `kubectl debug`. A module of its own, importing nothing: discovery
 * (src/discover) and the relevance filter (src/model/relevance.ts) both read it.
 */
export const DEBUGGER_WORDS = ['dlv', 'delve', 'strace', 'gdb', 'ltrace', 'py-spy', 'lldb', 'ptrace', 'pid:', '--pid', 'shareprocessnamespace', 'kubectl debug', 'kubectl alpha debug'] as const;

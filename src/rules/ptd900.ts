import type { Rule } from './types.js';
import { makeSourceFile } from '../source.js';

export const ptd900: Rule = {
  meta: {
    id: 'PTD900',
    slug: 'unreadable-config',
    title: 'Container configuration could not be read',
    defaultSeverity: 'note',
    fixable: false,
    summary: 'A file that looks like container configuration was skipped (too large, binary, a symbolic link out of the repository) or could not be parsed, so it was not checked.',
  },
  check(ctx) {
    for (const p of ctx.project.problems) {
      const span = p.span ?? { file: ctx.project.files.find((f) => f.path === p.path) ?? makeSourceFile(p.path, '', 'shell', ''), start: 0, end: 0 };
      ctx.report({
        message: `${p.path} was not checked: it ${p.reason}. Debugger settings in it are not covered by this report.`,
        // A parser's message (after the colon) can run over lines: the short text keeps what happened.
        short: `It ${p.reason.replace(/:[\s\S]*$/, '').replace(/\s+/g, ' ').trim()}, so the debugger settings in it are not checked.`,
        fixHint: /could not be parsed/.test(p.reason)
          ? 'Correct the syntax (the full explanation says where the parser stopped), unless it is a template or not container configuration'
          : 'Check its debugger settings by hand, unless the file is not container configuration',
        span,
        key: p.reason,
      });
    }
  },
};

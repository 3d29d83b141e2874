import type { Rule } from './types.js';

/**
 * Reported by the engine, not by a check: whether a `ptrace-doctor-ignore`
 * comment suppressed anything is known only once every other rule has run
 * (see src/suppress/ and engine.ts).
 */
export const ptd901: Rule = {
  meta: {
    id: 'PTD901',
    slug: 'unused-suppression',
    title: 'Suppression matches nothing',
    defaultSeverity: 'note',
    fixable: true,
    summary: 'A ptrace-doctor-ignore comment or a `suppress` entry of .ptrace-doctor.yaml suppresses no finding (the problem was fixed, or it is not where it applies) or names a rule that does not exist.',
  },
  check() {
    // The engine reports this rule after the others (engine.ts, unusedSuppressions).
  },
};

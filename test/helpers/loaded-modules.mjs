// Preloaded with `node --import` by tests: at exit, writes the built-in modules
// the process loaded (process.moduleLoadList) to the file named by
// PTRACE_DOCTOR_TEST_LOADED, one per line.
import { writeFileSync } from 'node:fs';

const out = process.env.PTRACE_DOCTOR_TEST_LOADED;
if (out) process.on('exit', () => writeFileSync(out, process.moduleLoadList.join('\n') + '\n'));

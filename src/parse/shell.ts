/**
 * A shell-words splitter that keeps source offsets: enough of POSIX sh to find
 * simple commands and their words in Dockerfile RUN lines, scripts, Makefile
 * recipes and workflow `run:` blocks. It does not expand anything.
 */

export interface Word {
  /** The word after quote removal (no expansion). */
  value: string;
  /** Source offsets of the word (including quotes). */
  start: number;
  end: number;
  quoted: boolean;
  /** Source offset of each character of value. */
  map: number[];
}

export interface SimpleCommand {
  words: Word[];
  start: number;
  end: number;
  /** The operator that ended this command: ';', '&&', '||', '|', '&', '\n' or ''. */
  sep: string;
}

export interface SplitOptions {
  /** Make recipe: `$$` stands for `$`. */
  make?: boolean;
  /** Source offset of each character of text; default offset = base + index. */
  map?: number[];
  base?: number;
  /** Called with the source offsets [start, end) of each `#` comment (the engine reads suppression comments with it). */
  onComment?: (start: number, end: number) => void;
}

const OPERATOR_CHARS = new Set([';', '&', '|', '(', ')']);

export function splitShell(text: string, opts: SplitOptions = {}): SimpleCommand[] {
  const at = (i: number): number => (opts.map ? (opts.map[i] ?? (opts.map[opts.map.length - 1] ?? 0) + 1) : (opts.base ?? 0) + i);
  const commands: SimpleCommand[] = [];
  let words: Word[] = [];
  let cmdStart = -1;
  let i = 0;
  const n = text.length;

  const endCommand = (sep: string, pos: number): void => {
    if (words.length > 0) {
      commands.push({ words, start: cmdStart, end: at(Math.max(0, pos - 1)) + 1, sep });
    }
    words = [];
    cmdStart = -1;
  };

  while (i < n) {
    const c = text[i]!;
    // Line continuation.
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\n') { endCommand('\n', i); i++; continue; }
    if (c === '#') {
      const from = i;
      while (i < n && text[i] !== '\n') i++;
      if (opts.onComment) {
        let to = i;
        while (to > from + 1 && text[to - 1] === '\r') to--;
        opts.onComment(at(from), at(to - 1) + 1);
      }
      continue;
    }
    if (OPERATOR_CHARS.has(c)) {
      const two = text.slice(i, i + 2);
      if (two === '&&' || two === '||' || two === ';;') { endCommand(two, i); i += 2; continue; }
      if (c === '&' && text[i + 1] === '>') {
        // &> redirection: part of a word
      } else if ((c === '>' || c === '<')) {
        // not reached
      } else {
        endCommand(c, i);
        i++;
        continue;
      }
    }
    // A word.
    const start = i;
    let value = '';
    const map: number[] = [];
    let quoted = false;
    while (i < n) {
      const ch = text[i]!;
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === '\n') { i += 2; continue; }
        if (next === '\r' && text[i + 2] === '\n') { i += 3; continue; }
        if (next !== undefined) { value += next; map.push(at(i + 1)); i += 2; quoted = true; continue; }
        value += ch; map.push(at(i)); i++; continue;
      }
      if (ch === "'") {
        quoted = true;
        i++;
        while (i < n && text[i] !== "'") { value += text[i]; map.push(at(i)); i++; }
        i++;
        continue;
      }
      if (ch === '"') {
        quoted = true;
        i++;
        while (i < n && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < n && '"\\$`\n'.includes(text[i + 1]!)) {
            if (text[i + 1] !== '\n') { value += text[i + 1]; map.push(at(i + 1)); }
            i += 2;
            continue;
          }
          if (opts.make && text[i] === '$' && text[i + 1] === '$') { value += '$'; map.push(at(i)); i += 2; continue; }
          value += text[i]; map.push(at(i)); i++;
        }
        i++;
        continue;
      }
      const makeDollar = opts.make && ch === '$' && text[i + 1] === '$';
      if (makeDollar && text[i + 2] !== '(' && text[i + 2] !== '{') { value += '$'; map.push(at(i)); i += 2; continue; }
      if (makeDollar || (ch === '$' && (text[i + 1] === '(' || text[i + 1] === '{'))) {
        // Keep $(...) and ${...} inside the word, balanced (Make writes them $$(...)).
        if (makeDollar) { value += '$'; map.push(at(i)); i += 2; } else { value += '$'; map.push(at(i)); i++; }
        const open = text[i]!;
        const close = open === '(' ? ')' : '}';
        let depth = 0;
        while (i < n) {
          const cc = text[i]!;
          value += cc; map.push(at(i));
          if (cc === open) depth++;
          else if (cc === close) { depth--; if (depth === 0) { i++; break; } }
          i++;
        }
        continue;
      }
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === ';' || ch === '|' || ch === '(' || ch === ')') break;
      if (ch === '&' && text[i + 1] !== '>') {
        // `2>&1` keeps the & inside the word.
        if (!(value.endsWith('>') )) break;
      }
      value += ch; map.push(at(i)); i++;
    }
    if (cmdStart < 0) cmdStart = at(start);
    // An unterminated quote leaves i one past the end: the word ends with the text.
    if (i > n) i = n;
    // map grew one push at a time (room for 17 offsets or more); the word keeps an exact copy for as long as the model lives.
    words.push({ value, start: at(start), end: at(Math.max(start, i - 1)) + 1, quoted, map: map.slice() });
  }
  endCommand('', n);
  return commands;
}

/** Split the value of a word again (for `sh -c "..."`), keeping source offsets. */
export function splitWord(word: Word, make = false): SimpleCommand[] {
  return splitShell(word.value, { map: word.map, make });
}

/** True when the word is a variable assignment such as FOO=bar. */
export function isAssignment(w: Word): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value);
}

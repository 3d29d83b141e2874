import { describe, expect, it } from 'vitest';
import { splitShell } from '../../src/parse/shell.js';

const words = (text: string, make = false): string[][] => splitShell(text, { make }).map((c) => c.words.map((w) => w.value));

describe('splitShell', () => {
  it('splits simple commands on operators and newlines', () => {
    expect(words('apt-get update && apt-get install -y strace; echo ok\nls | wc -l')).toEqual([
      ['apt-get', 'update'], ['apt-get', 'install', '-y', 'strace'], ['echo', 'ok'], ['ls'], ['wc', '-l'],
    ]);
  });

  it('removes quotes and keeps offsets of the source', () => {
    const text = `dlv exec "/app/my server" --listen='127.0.0.1:2345'`;
    const [cmd] = splitShell(text);
    const listen = cmd!.words[3]!;
    expect(listen.value).toBe('--listen=127.0.0.1:2345');
    expect(text.slice(listen.start, listen.end)).toBe(`--listen='127.0.0.1:2345'`);
    // The character map points at the source character of each value character.
    expect(text[listen.map[9]!]).toBe('1');
    expect(cmd!.words[2]!.value).toBe('/app/my server');
  });

  it('joins backslash-newline continuations into one command', () => {
    expect(words('docker run \\\n  --rm \\\n  img dlv version')).toEqual([['docker', 'run', '--rm', 'img', 'dlv', 'version']]);
  });

  it('keeps $(...) and ${...} inside a word and skips comments', () => {
    expect(words('dlv attach $(pgrep -f "my app") # attach it\nstrace -p ${PID:-1}')).toEqual([
      ['dlv', 'attach', '$(pgrep -f "my app")'], ['strace', '-p', '${PID:-1}'],
    ]);
  });

  it('reads Make recipes: $$ stands for $', () => {
    expect(words('dlv attach $$(pgrep server) && echo $$HOME', true)).toEqual([['dlv', 'attach', '$(pgrep server)'], ['echo', '$HOME']]);
  });

  it('keeps redirections such as 2>&1 in their word', () => {
    expect(words('strace -p 1 2>&1 | tee log')).toEqual([['strace', '-p', '1', '2>&1'], ['tee', 'log']]);
  });
});

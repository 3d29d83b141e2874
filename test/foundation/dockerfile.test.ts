/**
 * parseDockerfile reads each instruction's arguments once and derives what
 * dockerfile-ast's accessors (getArgumentsRange, getImage, getImageRange,
 * getBuildStage, getBuildStageRange, getArguments) would give. Checked on a
 * Dockerfile that uses every instruction it reads, and against the accessors
 * themselves on generated Dockerfiles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { parseDockerfile } from '../../src/parse/dockerfile.js';
import { makeSourceFile } from '../../src/source.js';
import type { SourceFile, Span } from '../../src/types.js';

const SEED = Number(process.env.FC_SEED ?? 20240611);

const text = (s: Span): string => s.file.text.slice(s.start, s.end);

type LspPos = { line: number; character: number };
type LspRange = { start: LspPos; end: LspPos };
const offset = (f: SourceFile, p: LspPos): number => (f.lineStarts[p.line] ?? f.text.length) + p.character;
const rangeText = (f: SourceFile, r: LspRange | null): string | null => (r ? f.text.slice(offset(f, r.start), offset(f, r.end)) : null);

describe('parseDockerfile', () => {
  it('reads stages, flags, exec and shell forms, users, ports and copies with their spans', () => {
    const src = [
      'ARG GO=1.22',
      'LABEL before=from',
      'FROM --platform=$BUILDPLATFORM golang:${GO} AS build',
      'WORKDIR src',
      'ENV CGO_ENABLED=0 GOFLAGS=-mod=mod',
      'RUN --mount=type=cache,target=/root/.cache go install github.com/go-delve/delve/cmd/dlv@v1.23.1',
      'RUN go build \\',
      '    -o /out/app .',
      'LABEL org.example=1',
      '',
      'FROM build AS debug',
      'USER 1000:1000',
      'COPY --from=build --chown=1000 /out/app /go/bin/dlv /usr/local/bin/',
      'ADD ./conf /etc/app',
      'EXPOSE 8080 2345/tcp',
      'ENTRYPOINT ["/usr/local/bin/dlv", "exec", "/usr/local/bin/app", "--listen=:2345"]',
      'CMD ["--", "-v"]',
      '',
    ].join('\r\n');
    const file = makeSourceFile('Dockerfile', '/r/Dockerfile', 'dockerfile', src);
    const doc = parseDockerfile(file);
    expect(doc.stages).toHaveLength(2);
    const [build, debug] = doc.stages as [NonNullable<(typeof doc.stages)[0]>, NonNullable<(typeof doc.stages)[0]>];

    expect(build.image.value).toBe('golang:1.22');
    expect(text(build.image.span)).toBe('golang:${GO}');
    expect(build.name?.value).toBe('build');
    expect(text(build.name!.span)).toBe('build');
    expect(text(build.fromSpan)).toBe('FROM --platform=$BUILDPLATFORM golang:${GO} AS build');
    expect(build.workdir).toBe('/src');
    expect(build.vars.get('GOFLAGS')).toBe('-mod=mod');
    expect(build.runs).toHaveLength(2);
    expect(build.runs[0]!.form).toBe('shell');
    expect(build.runs[0]!.words.map((w) => w.value)).toEqual(['go', 'install', 'github.com/go-delve/delve/cmd/dlv@v1.23.1']);
    expect(text(build.runs[0]!.span)).toMatch(/^RUN --mount=.*@v1\.23\.1$/);
    expect(build.runs[0]!.workdir).toBe('/src');
    expect(build.runs[1]!.words.map((w) => w.value)).toEqual(['go', 'build', '-o', '/out/app', '.']);
    // The stage ends with its last instruction, the LABEL included.
    expect(text(build.span).endsWith('LABEL org.example=1')).toBe(true);

    expect(debug.parent).toBe(build);
    expect(debug.workdir).toBe('/src');
    expect(debug.user?.value).toBe('1000:1000');
    expect(text(debug.user!.span)).toBe('1000:1000');
    expect(debug.copies).toEqual([
      expect.objectContaining({ from: 'build', sources: ['/out/app', '/go/bin/dlv'], dest: '/usr/local/bin/', workdir: '/src' }),
      expect.objectContaining({ sources: ['./conf'], dest: '/etc/app' }),
    ]);
    expect(debug.copies[1]!.from).toBeUndefined();
    expect(debug.exposes.map((e) => [e.value, text(e.span)])).toEqual([['8080', '8080'], ['2345/tcp', '2345/tcp']]);
    expect(debug.entrypoint?.form).toBe('exec');
    expect(debug.entrypoint!.words.map((w) => w.value)).toEqual(['/usr/local/bin/dlv', 'exec', '/usr/local/bin/app', '--listen=:2345']);
    expect(debug.entrypoint!.words.map((w) => text({ file, start: w.start, end: w.end }))).toEqual(['"/usr/local/bin/dlv"', '"exec"', '"/usr/local/bin/app"', '"--listen=:2345"']);
    expect(debug.cmd?.words.map((w) => w.value)).toEqual(['--', '-v']);
  });

  it('grows the stage span with each instruction; FROM, RUN and CMD keep their own spans', () => {
    const file = makeSourceFile('Dockerfile', '/r/Dockerfile', 'dockerfile', 'FROM a\nRUN dlv version\nCMD dlv exec /app\n');
    const [s] = parseDockerfile(file).stages;
    expect(text(s!.fromSpan)).toBe('FROM a');
    expect(text(s!.span)).toBe('FROM a\nRUN dlv version\nCMD dlv exec /app');
    expect(text(s!.runs[0]!.span)).toBe('RUN dlv version');
    expect(text(s!.cmd!.span)).toBe('CMD dlv exec /app');
    expect(s!.runs[0]!.span).not.toBe(s!.cmd!.span);
  });

  it('agrees with dockerfile-ast\'s accessors on generated Dockerfiles', () => {
    const tok = fc.constantFrom(
      'FROM', 'from', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'ARG', 'ENV', 'USER', 'WORKDIR', 'EXPOSE', 'LABEL', 'ONBUILD', 'VOLUME',
      ' ', '\t', '\n', '\n', '\r\n', '\\\n', '\\ \n', '`\n', '# c\n', '# escape=`\n', '#a=b #c=d\n',
      'golang:1.22', '${GO}', 'AS', 'as', 'build', '--from=build', '--chown=1:1', '--mount=type=cache,target=/x', '--platform=$P', '--',
      '["dlv", "exec"]', '["a\\"b"]', '[]', '[', ']', '"', 'GO=1.22', 'dlv', '--listen=:2345', 'go build -o /app .', '&&', '2345', '/src', 'src/', '<<EOF\nx\nEOF\n', 'x',
    );
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 40 }).map((a) => a.join(' ')), (src) => {
        const file = makeSourceFile('Dockerfile', '/r/Dockerfile', 'dockerfile', src);
        const doc = parseDockerfile(file);
        const froms: Array<{ ins: Instruction; rest: Instruction[] }> = [];
        for (const ins of DockerfileParser.parse(src).getInstructions()) {
          if (ins.getKeyword().toUpperCase() === 'FROM') froms.push({ ins, rest: [] });
          else froms[froms.length - 1]?.rest.push(ins);
        }
        expect(doc.stages).toHaveLength(froms.length);
        doc.stages.forEach((stage, i) => {
          const from = froms[i]!.ins as unknown as { getImageRange(): LspRange | null; getBuildStage(): string | null; getBuildStageRange(): LspRange | null; getRange(): LspRange };
          const fromText = rangeText(file, from.getRange());
          expect(text(stage.fromSpan)).toBe(fromText);
          expect(text(stage.image.span)).toBe(rangeText(file, from.getImageRange()) ?? fromText);
          const name = from.getBuildStage();
          expect(stage.name?.value).toBe(name || undefined);
          if (stage.name) expect(text(stage.name.span)).toBe(rangeText(file, from.getBuildStageRange()));
          const rest = froms[i]!.rest;
          const withArgs = (kw: string) => rest.filter((x) => x.getKeyword().toUpperCase() === kw && x.getArgumentsRange());
          expect(stage.runs.map((r) => text(r.span))).toEqual(withArgs('RUN').map((x) => rangeText(file, x.getRange())));
          for (const [k, r] of stage.runs.entries()) {
            const args = rangeText(file, withArgs('RUN')[k]!.getArgumentsRange())!;
            if (r.form === 'shell') for (const w of r.words) expect(args).toContain(text({ file, start: w.start, end: w.end }));
          }
          const expose = rest.filter((x) => x.getKeyword().toUpperCase() === 'EXPOSE').flatMap((x) => x.getArguments());
          expect(stage.exposes.map((e) => [e.value, text(e.span)])).toEqual(expose.map((a) => [a.getValue(), rangeText(file, a.getRange())]));
          const users = withArgs('USER');
          if (users.length > 0) expect(text(stage.user!.span)).toBe(rangeText(file, users[users.length - 1]!.getArgumentsRange()));
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

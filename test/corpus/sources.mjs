// test/corpus/SOURCES.md, made from the cases' case.json files (npm run corpus -- --sources).
export function sourcesMarkdown(cases) {
  const esc = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = cases.map((c) => {
    const s = c.json.source ?? {};
    const expect = c.json.expect.length === 0 ? 'nothing' : c.json.expect.map((e) => e.rule).join(', ');
    return `| ${c.id} | [${esc(s.repo)}](https://github.com/${s.repo}) | ${esc((s.paths ?? []).join(', '))} | \`${esc((s.commit ?? '').slice(0, 12))}\` | ${esc(c.json.pattern)} | ${expect} |`;
  });
  return [
    '# Sources of the corpus of public patterns',
    '',
    'One row per case of `test/corpus/cases/`: the public repository whose wiring the case reproduces, the files read there,',
    'the commit they were read at (the index stores files at the commit it crawled; a case whose files came from several',
    'commits names the others in its pattern), how the repository wires its debug container, and what a careful reviewer',
    'expects. The reproductions are our own minimal files, never copies: see GUIDE.md. Made by `npm run corpus -- --sources`.',
    '',
    '| case | repository | paths | commit | pattern | expected |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

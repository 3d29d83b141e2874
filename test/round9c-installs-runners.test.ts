/**
 * Round 9c: how delve gets installed and started by tool runners.
 * - installs from lists: `go install $(TOOLS)`, `for t in $GO_TOOLS; do go install $t; done`,
 *   `echo "${GO_TOOLS}" | xargs -n 1 go ${verb} -v` (go-debian.sh), bash arrays, Dockerfile ARG/ENV lists;
 * - a version-less install inside a module whose go.mod requires delve is pinned; `go get -tool` is no install;
 * - `go run …/cmd/dlv@v` and `go tool dlv` start dlv;
 * - runners: `npm run x` / `yarn x` (package.json scripts), nodemon's `nodemonConfig`, `task x` / `just x`
 *   (deps, `task:` calls), `$(MAKE) x` in a recipe, `air -c .air.debug.toml`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { scan } from '../src/engine.js';
import { applyFixes } from '../src/fix/apply.js';
import { makeSourceFile, toLocation } from '../src/source.js';
import { classifyByName } from '../src/discover/index.js';
import { goModDelve } from '../src/model/installs.js';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import { tempRepo } from './helpers/repo.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function found(files: Record<string, string>, rule?: string) {
  const root = tempRepo(files);
  roots.push(root);
  const r = await scan({ root });
  const fs = r.findings.filter((f) => !rule || f.ruleId === rule);
  return { r, root, found: fs.map((f) => `${f.ruleId}@${f.span.file.path}:${toLocation(f.span).startLine}`).sort() };
}

const DLV = 'github.com/go-delve/delve/cmd/dlv';

describe('delve installed from a list of tools', () => {
  it('echo "${GO_TOOLS}" | xargs -n 1 go ${verb} -v over a continued string (go-debian.sh): the dlv word, at its line', async () => {
    const c = await found({
      'install.sh': `#!/bin/bash\nGO_TOOLS="\\\n    golang.org/x/tools/gopls@latest \\\n    ${DLV}@latest \\\n    honnef.co/go/tools/cmd/staticcheck@latest"\ncmd=install\n(echo "\${GO_TOOLS}" | xargs -n 1 go \${cmd} -v) 2>&1 | tee log\n`,
    }, 'PTD012');
    expect(c.found).toEqual(['PTD012@install.sh:4']);
  });

  it('for-loops over an unquoted string, a bash array and a Make list; ARG and ENV lists of a Dockerfile', async () => {
    const c = await found({
      'a.sh': `#!/bin/sh\nTOOLS="golang.org/x/tools/gopls@latest ${DLV}@master"\nfor t in $TOOLS; do\n  go install "$t"\ndone\n`,
      'b.sh': `#!/bin/bash\nTOOLS=(\n  golang.org/x/tools/gopls@latest\n  ${DLV}@latest\n)\nfor t in "\${TOOLS[@]}"; do go install "$t"; done\n`,
      Makefile: `GO_TOOLS := golang.org/x/tools/gopls@latest \\\n\t${DLV}@latest\n\ntools:\n\t@for tool in $(GO_TOOLS); do go install $$tool; done\n`,
      'Dockerfile': `FROM golang:1.22\nARG GO_TOOLS="golang.org/x/tools/gopls@latest ${DLV}@latest"\nRUN for t in \${GO_TOOLS}; do go install "$t"; done\n`,
      'dev/Dockerfile': `FROM golang:1.22\nENV TOOLS="${DLV}@latest golang.org/x/tools/gopls@latest"\nRUN echo $TOOLS | xargs -n1 go install\n`,
    }, 'PTD012');
    expect(c.found).toEqual(['PTD012@Dockerfile:2', 'PTD012@Makefile:2', 'PTD012@a.sh:2', 'PTD012@b.sh:4', 'PTD012@dev/Dockerfile:2']);
  });

  it('a module word put together from variables is read as the file sets them: pinned, moving, or unknown', async () => {
    const c = await found({
      'a.sh': `#!/bin/sh\nDELVE_SRC=github.com/go-delve/delve\nDELVE_VERSION=v1.23.1\ngo install \${DELVE_SRC}/cmd/dlv@\${DELVE_VERSION}\n`,
      'b.sh': `#!/bin/sh\nDELVE_SRC=github.com/go-delve/delve\ngo install "\${DELVE_SRC}/cmd/dlv@latest"\n`,
      'c.sh': `#!/bin/sh\nDELVE_SRC=github.com/go-delve/delve\ngo install \${DELVE_SRC}/cmd/dlv@\${1}\n`,
      Dockerfile: `FROM golang:1.22\nARG DLV_PKG=github.com/go-delve/delve/cmd/dlv\nARG DLV_VERSION=v1.22.1\nRUN go install \${DLV_PKG}@\${DLV_VERSION}\n`,
    });
    expect(c.found).toEqual(['PTD012@b.sh:3']);
    expect(c.r.findings[0]!.fix).toBeUndefined();
  });

  it('a list variable whose value is put together from others (DELVE_PKG=${DELVE_SRC}/cmd/dlv@latest): at the definition, no fix', async () => {
    const c = await found({
      'scripts/install_delve.sh': '#!/bin/bash\nset -e\nDELVE_SRC=github.com/go-delve/delve\nDELVE_PKG=${DELVE_SRC}/cmd/dlv@latest\ngo install ${DELVE_PKG}\n',
      Dockerfile: 'FROM golang:1.22\nARG DELVE_SRC=github.com/go-delve/delve\nARG DELVE_PKG=${DELVE_SRC}/cmd/dlv@v1.22.1\nRUN go install ${DELVE_PKG}\n',
    });
    expect(c.found).toEqual(['PTD012@scripts/install_delve.sh:4']);
    expect(c.r.findings[0]!.fix).toBeUndefined();
  });

  it('a list that goes to go get is the broken install (PTD011), at the dlv word', async () => {
    const c = await found({ 'tools.sh': `#!/bin/sh\nTOOLS="${DLV} golang.org/x/lint/golint"\nfor t in $TOOLS; do go get -u $t; done\n` });
    expect(c.found).toEqual(['PTD011@tools.sh:2']);
  });

  it('nothing for lists without delve, pinned dlv words, a list nobody installs, or a list only echoed', async () => {
    const c = await found({
      'a.sh': `#!/bin/sh\nTOOLS="golang.org/x/tools/gopls@latest mvdan.cc/gofumpt@latest"\nfor t in $TOOLS; do go install $t; done\n`,
      'b.sh': `#!/bin/sh\nTOOLS="${DLV}@v1.23.1 golang.org/x/tools/gopls@latest"\nfor t in $TOOLS; do go install $t; done\n`,
      'c.sh': `#!/bin/sh\n# the editor installs these itself\nTOOLS="${DLV}@latest"\necho "tools: $TOOLS"\nfor t in $TOOLS; do which "$(basename $t)"; done\n`,
    });
    expect(c.found).toEqual([]);
  });

  it('fix: pins the dlv word of the list in place, and the script still splits into the same commands', async () => {
    const root = tempRepo({ 'install.sh': `#!/bin/sh\nGO_TOOLS="\\\n  ${DLV}@latest \\\n  golang.org/x/tools/gopls@latest"\necho "$GO_TOOLS" | xargs -n 1 go install\n` });
    roots.push(root);
    const out = await applyFixes({ root, write: false });
    const after = out.changed.find((x) => x.path === 'install.sh')!.after;
    expect(after).toMatch(new RegExp(`${DLV.replace(/[./]/g, '\\$&')}@v\\d+\\.\\d+\\.\\d+ \\\\\\n`));
    expect(out.after.findings.filter((f) => f.ruleId === 'PTD012')).toEqual([]);
  });
});

describe('versions from go.mod, and go get -tool', () => {
  it('goModDelve reads require lines, require blocks and tool lines', () => {
    expect(goModDelve('module x\n\nrequire github.com/go-delve/delve v1.22.1\n')).toBe('v1.22.1');
    expect(goModDelve('module x\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgithub.com/go-delve/delve v1.24.0 // indirect\n)\n')).toBe('v1.24.0');
    expect(goModDelve('module x\ntool github.com/go-delve/delve/cmd/dlv\n')).toBe('go.mod');
    expect(goModDelve('module x\ntool (\n\tgithub.com/go-delve/delve/cmd/dlv\n)\n')).toBe('go.mod');
    expect(goModDelve('module x\nrequire github.com/go-delve/liner v1.2.3\n// github.com/go-delve/delve v1.0.0\n')).toBeUndefined();
  });

  it('a version-less install is pinned inside a module that requires delve (a Makefile beside go.mod, a Dockerfile that copies go.mod), not elsewhere', async () => {
    const c = await found({
      'go.mod': 'module x\n\ngo 1.22\n\nrequire github.com/go-delve/delve v1.22.1\n',
      Makefile: `tools:\n\tgo install ${DLV}\n`,
      'Dockerfile': `FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go install ${DLV}\n`,
      'other/Dockerfile': `FROM golang:1.22\nRUN go install ${DLV}\n`,
      'nested/go.mod': 'module y\n\ngo 1.22\n',
      'nested/Makefile': `tools:\n\tgo install ${DLV}\n`,
    }, 'PTD012');
    expect(c.found).toEqual(['PTD012@nested/Makefile:2', 'PTD012@other/Dockerfile:2']);
  });

  it('go get -tool records delve in go.mod: no PTD011 and no PTD012; go run of the module without a version inside it is pinned too', async () => {
    const c = await found({
      'go.mod': 'module x\n\ngo 1.24\n\ntool github.com/go-delve/delve/cmd/dlv\n\nrequire github.com/go-delve/delve v1.24.2 // indirect\n',
      Makefile: `setup:\n\t@go get -tool ${DLV}@latest\n\ndebug:\n\tgo run ${DLV} debug ./cmd/app\n\ntools:\n\tgo get -tool $(TOOLS)\n\nTOOLS = ${DLV}@latest\n`,
    });
    expect(c.found).toEqual([]);
  });
});

describe('go run and go tool start dlv', () => {
  it('go run …/cmd/dlv@latest in a Compose command: dlv runs (PTD001, PTD008) and the build is unpinned (PTD012)', async () => {
    const c = await found({
      'docker-compose.yml': `services:\n  api:\n    image: golang:1.22\n    command: go run ${DLV}@latest debug --headless --listen=:2345 ./cmd/api\n`,
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2', 'PTD008@docker-compose.yml:4', 'PTD012@docker-compose.yml:4']);
  });

  it('go tool dlv with go run flags before the module; go run of another module and go tool pprof are no dlv', async () => {
    const c = await found({
      'docker-compose.yml': `services:\n  a:\n    image: golang:1.24\n    command: go tool dlv debug --headless --listen=127.0.0.1:2345 ./cmd/api\n    ports: ["127.0.0.1:2345:2345"]\n  b:\n    image: golang:1.24\n    command: go run -mod=mod ${DLV}@v1.24.2 exec ./app --headless --listen=:2346\n    ports: ["127.0.0.1:2346:2346"]\n  c:\n    image: golang:1.24\n    command: go run ./cmd/api --listen=:2347\n  d:\n    image: golang:1.24\n    command: go tool pprof -http=:8081 cpu.out\n`,
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2', 'PTD001@docker-compose.yml:6', 'PTD006@docker-compose.yml:4']);
  });
});

const GO_DOCKERFILE = 'FROM golang:1.22\nWORKDIR /app\n';

describe('runners that start dlv', () => {
  it('npm run / yarn / npm start follow package.json scripts (and pre scripts), in the working directory the container sees', async () => {
    const c = await found({
      Dockerfile: GO_DOCKERFILE,
      'docker-compose.yml': 'services:\n  a:\n    build: .\n    command: npm run debug\n    volumes: ["./:/app"]\n  b:\n    build: .\n    command: yarn dev\n    volumes: ["./:/app"]\n  c:\n    build: .\n    command: npm start\n    volumes: ["./:/app"]\n',
      'package.json': JSON.stringify({ scripts: { debug: 'nodemon -e go --exec "dlv debug --headless --listen=:2345 ./cmd/api"', predev: 'go build -o bin/api ./cmd/api', dev: 'dlv exec bin/api', start: 'go run ./cmd/api' } }, null, 2),
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2', 'PTD001@docker-compose.yml:6', 'PTD008@package.json:3', 'PTD010@package.json:4']);
  });

  it('a bare nodemon reads nodemonConfig.exec of package.json when there is no nodemon.json', async () => {
    const c = await found({
      Dockerfile: GO_DOCKERFILE,
      'docker-compose.yml': 'services:\n  api:\n    build: .\n    command: nodemon\n    volumes: ["./:/app"]\n    ports: ["127.0.0.1:2345:2345"]\n',
      'package.json': JSON.stringify({ name: 'x', nodemonConfig: { ext: 'go', exec: 'dlv debug --headless --listen=:2345 ./cmd/api' } }, null, 2),
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2']);
  });

  it('npm install, yarn add and a script that runs no debugger are no debugging container', async () => {
    const c = await found({
      Dockerfile: GO_DOCKERFILE,
      'docker-compose.yml': 'services:\n  a:\n    build: .\n    command: sh -c "npm install && yarn add left-pad && npm run build"\n    volumes: ["./:/app"]\n',
      'package.json': JSON.stringify({ scripts: { build: 'go build ./...', debug: 'dlv debug ./cmd/api' } }, null, 2),
    });
    expect(c.found).toEqual([]);
  });

  it('task and just follow their units: deps first, task: calls, the file\'s vars in the words', async () => {
    const c = await found({
      Dockerfile: GO_DOCKERFILE,
      'docker-compose.yml': 'services:\n  t:\n    build: .\n    command: task dev\n    volumes: ["./:/app"]\n    ports: ["127.0.0.1:2345:2345"]\n  j:\n    build: .\n    command: just dev\n    volumes: ["./:/app"]\n    ports: ["127.0.0.1:2346:2346"]\n  n:\n    build: .\n    command: task lint\n    volumes: ["./:/app"]\n',
      'Taskfile.yml': "version: '3'\nvars:\n  PORT: 2345\ntasks:\n  build:\n    cmds:\n      - go build -gcflags='all=-N -l' -o bin/app ./cmd/api\n  debug:\n    deps: [build]\n    cmds:\n      - dlv exec bin/app --headless --listen=:{{.PORT}}\n  dev:\n    cmds:\n      - task: debug\n  lint:\n    cmds:\n      - go vet ./...\n",
      justfile: "build:\n    go build -gcflags='all=-N -l' -o bin/app ./cmd/api\n\ndebug: build\n    dlv exec bin/app --headless --listen=:2346\n\ndev: debug\n",
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2', 'PTD001@docker-compose.yml:7']);
  });

  it('$(MAKE) target in a recipe is followed into the same Makefile; a recipe that calls itself stops', async () => {
    const c = await found({
      Dockerfile: GO_DOCKERFILE,
      'docker-compose.yml': 'services:\n  api:\n    build: .\n    command: make dev\n    volumes: ["./:/app"]\n    ports: ["127.0.0.1:2345:2345"]\n',
      Makefile: "build:\n\tgo build -gcflags='all=-N -l' -o bin/app ./cmd/api\n\ndebug:\n\tdlv exec bin/app --headless --listen=:2345\n\ndev:\n\t$(MAKE) build\n\t$(MAKE) debug\n\nloop:\n\t$(MAKE) loop\n",
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2']);
  });

  it('a Makefile target run by a container reads the Makefile\'s variables: $(DLV) as the debugger, $(PORT) in --listen', async () => {
    const c = await found({
      Dockerfile: GO_DOCKERFILE,
      'docker-compose.yml': 'services:\n  api:\n    build: .\n    command: make debug\n    volumes: ["./:/app"]\n    ports: ["127.0.0.1:2345:2345"]\n  other:\n    build: .\n    command: make debug-other\n    volumes: ["./:/app"]\n',
      Makefile: "DLV ?= $(GOPATH)/bin/dlv\nPORT := 2345\nOTHER_PORT := 2399\n\ndebug:\n\t$(DLV) debug --headless --listen=:$(PORT) ./cmd/api\n\ndebug-other:\n\t$(DLV) debug --headless --listen=:$(OTHER_PORT) ./cmd/api\n",
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2', 'PTD001@docker-compose.yml:7', 'PTD008@Makefile:9']);
  });

  it('air -c with a variant name: bin and args_bin; the variant names are air configs', async () => {
    expect(classifyByName('svc/.air.debug.toml')).toBe('air');
    expect(classifyByName('air-dev.toml')).toBe('air');
    expect(classifyByName('.air_delve.toml')).toBe('air');
    expect(classifyByName('airflow.toml')).toBeUndefined();
    expect(classifyByName('pyproject.toml')).toBeUndefined();
    const c = await found({
      Dockerfile: GO_DOCKERFILE,
      'docker-compose.yml': 'services:\n  api:\n    build: .\n    command: air -c .air.debug.toml\n    volumes: ["./:/app"]\n',
      '.air.debug.toml': '[build]\ncmd = "go build -gcflags=\'all=-N -l\' -o ./tmp/main ./cmd/api"\nbin = "/go/bin/dlv"\nargs_bin = ["exec", "./tmp/main", "--headless", "--listen=:2345", "--continue"]\n',
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2', 'PTD008@.air.debug.toml:4']);
  });
});

describe('air settings on the command line, runners started by go run / go tool, watchexec without --', () => {
  it('air --build.cmd/--build.bin (bin text through sh -c) and --build.full_bin override the config; go run …/air@v and go tool air are air', async () => {
    const c = await found({
      Dockerfile: GO_DOCKERFILE,
      'docker-compose.yml': `services:\n  a:\n    build: .\n    command: air --build.cmd "go build -gcflags=all=-N -o bin/debug" --build.bin "dlv --listen=:2345 --headless=true --api-version=2 exec ./bin/debug"\n  b:\n    build: .\n    command: go run github.com/air-verse/air@v1.52.3 --build.full_bin "dlv exec ./tmp/main --headless --listen=:2346"\n  c:\n    build: .\n    command: go tool air --build.full_bin "./tmp/main -app gateway"\n    volumes: ["./:/app"]\n`,
      '.air.toml': '[build]\ncmd = "go build -o ./tmp/main ./cmd/api"\nfull_bin = "dlv exec ./tmp/main --headless --listen=:2399"\n',
    });
    // a: -N without -l leaves inlining on (PTD010); c: the flag's full_bin replaces the config's dlv: no debugger.
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2', 'PTD001@docker-compose.yml:5', 'PTD008@docker-compose.yml:4', 'PTD008@docker-compose.yml:7', 'PTD010@docker-compose.yml:4']);
  });

  it('a config bin with blanks is a shell command, its args_bin after it', async () => {
    const c = await found({
      Dockerfile: GO_DOCKERFILE,
      'docker-compose.yml': 'services:\n  api:\n    build: .\n    command: air\n    volumes: ["./:/app"]\n',
      '.air.toml': '[build]\ncmd = "go build -gcflags=all=-N -o ./tmp/app ."\nbin = "dlv exec ./tmp/app --headless --api-version=2"\nargs_bin = ["--listen=:2345"]\n',
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2', 'PTD008@.air.toml:4', 'PTD010@.air.toml:2']);
  });

  it('watchexec OPTIONS COMMAND without --, its option values skipped', async () => {
    const c = await found({
      Dockerfile: GO_DOCKERFILE,
      'docker-compose.yml': 'services:\n  a:\n    build: .\n    command: watchexec -r -e go -w . --signal SIGTERM dlv debug --headless --listen=:2345 ./cmd/api\n  b:\n    build: .\n    command: watchexec -r -e go go run ./cmd/api\n',
    });
    expect(c.found).toEqual(['PTD001@docker-compose.yml:2', 'PTD008@docker-compose.yml:4']);
  });
});

describe('the Dockerfile list fix still parses', () => {
  it('pinning a dlv word of an ARG list leaves a Dockerfile with the same instructions', async () => {
    const root = tempRepo({ Dockerfile: `FROM golang:1.22\nARG GO_TOOLS="golang.org/x/tools/gopls@latest ${DLV}@latest"\nRUN for t in \${GO_TOOLS}; do go install "$t"; done\n` });
    roots.push(root);
    const out = await applyFixes({ root, write: false });
    const after = out.changed.find((x) => x.path === 'Dockerfile')!.after;
    expect(after).toMatch(/cmd\/dlv@v\d+\.\d+\.\d+"\n/);
    const doc = parseDockerfile(makeSourceFile('Dockerfile', '', 'dockerfile', after));
    expect(doc.stages).toHaveLength(1);
    expect(doc.stages[0]!.runs).toHaveLength(1);
  });
});

/**
 * How real repositories wire debug containers across files (issue #18), one
 * describe per item: what each link finds, and what it must not find. Fix
 * tests apply the fixes and re-parse the edited files.
 */
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine.js';
import { applyFixes } from '../../src/fix/apply.js';
import { validate } from '../../src/fix/validate.js';
import { toLocation } from '../../src/source.js';
import { tempRepo } from '../helpers/repo.js';
import type { FileKind } from '../../src/types.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const r = tempRepo(files);
  roots.push(r);
  return r;
}

/** `RULE path:line` of every finding (PTD900 included). */
async function found(files: Record<string, string>, opts: { readEverything?: boolean } = {}): Promise<string[]> {
  const r = await scan({ root: repo(files), ...opts });
  return r.findings.map((f) => `${f.ruleId} ${toLocation(f.span).path}:${toLocation(f.span).startLine}`);
}

async function findingsOf(files: Record<string, string>) {
  return (await scan({ root: repo(files) })).findings;
}

/** Apply every fix in memory; every changed file must still parse as its kind. */
async function fixed(files: Record<string, string>, kinds: Record<string, FileKind>): Promise<{ text: (p: string) => string; after: string[] }> {
  const root = repo(files);
  const out = await applyFixes({ root, write: false });
  for (const c of out.changed) {
    const kind = kinds[c.path];
    if (kind) expect(validate(kind, c.after), `${c.path} parses after the fix`).toBeUndefined();
  }
  return {
    text: (p) => out.changed.find((c) => c.path === p)?.after ?? files[p]!,
    after: out.after.findings.map((f) => `${f.ruleId} ${toLocation(f.span).path}:${toLocation(f.span).startLine}`),
  };
}

describe('1. a Dockerfile on its own is a container', () => {
  it('reports where its own command makes delve listen on 127.0.0.1, and nothing that depends on a runtime', async () => {
    expect(await found({ 'Dockerfile.debug': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nCOPY . /src\nWORKDIR /src\nRUN go build -gcflags="all=-N -l" -o /app .\nCMD ["dlv", "exec", "/app", "--headless", "--listen=127.0.0.1:2345"]\n' })).toEqual(['PTD006 Dockerfile.debug:6']);
  });

  it('follows the debugged binary through COPY --from, a heredoc RUN and an ARG with -s -w', async () => {
    const r = await found({
      Dockerfile:
        'FROM golang:1.22 AS build\nARG LDFLAGS="-s -w"\nRUN <<EOF\ngo build -ldflags "$LDFLAGS" -o /out/app ./cmd/app\nEOF\nFROM debian:bookworm-slim\nCOPY --from=build /go/bin/dlv /dlv\nCOPY --from=build /out/app /app\nCMD ["/dlv", "exec", "/app", "--headless", "--listen=:2345"]\n',
    });
    expect(r.sort()).toEqual(['PTD009 Dockerfile:4', 'PTD010 Dockerfile:4']);
  });

  it('GOFLAGS on the command line or from ENV gives the debugged build its -ldflags', async () => {
    expect(await found({ Dockerfile: 'FROM golang:1.22\nENV GOFLAGS=-ldflags=-w\nRUN go build -o /app .\nCMD ["dlv", "exec", "/app", "--headless", "--listen=:2345"]\n' })).toEqual(['PTD009 Dockerfile:3', 'PTD010 Dockerfile:3']);
    expect((await found({ Dockerfile: 'FROM golang:1.22\nRUN GOFLAGS="-ldflags=-s -trimpath" go build -gcflags="all=-N -l" -o /app .\nCMD ["dlv", "exec", "/app", "--headless", "--listen=:2345"]\n' }))).toEqual(['PTD009 Dockerfile:2']);
    expect(await found({ Dockerfile: 'FROM golang:1.22\nENV GOFLAGS=-mod=vendor\nRUN go build -gcflags="all=-N -l" -o /app .\nCMD ["dlv", "exec", "/app", "--headless", "--listen=:2345"]\n' })).toEqual([]);
  });

  it('an attach in its own command is a note that says how to run it; a launch-only debugger gets nothing', async () => {
    const fs = await findingsOf({ 'debug.Dockerfile': 'FROM golang:1.22\nCMD ["dlv", "attach", "1", "--headless", "--listen=:2345"]\n', 'launch/Dockerfile': 'FROM golang:1.22\nCMD ["dlv", "debug", "--headless", "--listen=:2345"]\n' });
    expect(fs.map((f) => `${f.ruleId} ${f.severity} ${f.span.file.path}`)).toEqual(['PTD001 note debug.Dockerfile']);
    expect(fs[0]!.message).toMatch(/--cap-add=SYS_PTRACE/);
    expect(fs[0]!.fix).toBeUndefined();
  });

  it('a stage a runtime file runs is that launch only, never both', async () => {
    const r = await found({
      Dockerfile: 'FROM golang:1.22 AS debug\nCMD ["dlv", "debug", "--headless", "--listen=127.0.0.1:2345"]\nFROM gcr.io/distroless/static AS prod\nCMD ["/app"]\n',
      'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: debug\n    cap_add: [SYS_PTRACE]\n    ports: ["127.0.0.1:2345:2345"]\n',
    });
    expect(r).toEqual(['PTD006 Dockerfile:2']);
  });

  it('each stage with a command of its own that nothing runs is one launch; the production stage is quiet', async () => {
    const r = await found({ Dockerfile: 'FROM golang:1.22 AS debug\nCMD ["dlv", "debug", "--headless", "--listen=localhost:40000"]\nFROM debian AS prod\nCMD ["/app"]\n' });
    expect(r).toEqual(['PTD006 Dockerfile:2']);
  });
});

describe('2. image identity across files', () => {
  const dockerfile = 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nCOPY . /src\nWORKDIR /src\nRUN go build -gcflags="all=-N -l" -o /app .\nENTRYPOINT ["dlv", "exec", "/app", "--headless", "--listen=:2345", "--api-version=2"]\n';
  const deployment = (image: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ${image}\n`;

  it('docker build -t in a Makefile links the Kubernetes image to its Dockerfile', async () => {
    const fs = await findingsOf({ 'Dockerfile.debug': dockerfile, Makefile: 'debug-image:\n\tdocker build -t acme/api:debug -f Dockerfile.debug .\n', 'k8s/deploy.yaml': deployment('acme/api:debug') });
    expect(fs.map((f) => `${f.ruleId} ${toLocation(f.span).path}:${toLocation(f.span).startLine}`)).toEqual(['PTD001 k8s/deploy.yaml:8']);
    expect(fs[0]!.related.some((r) => /built here/.test(r.message) && r.span.file.path === 'Makefile')).toBe(true);
  });

  it('registry and tag are matched as the engines do: docker.io/acme/api:latest is acme/api', async () => {
    expect(await found({ 'Dockerfile.debug': dockerfile, 'build.sh': '#!/bin/sh\ndocker buildx build --tag acme/api -f Dockerfile.debug .\n', 'k8s/deploy.yaml': deployment('docker.io/acme/api:latest') })).toEqual(['PTD001 k8s/deploy.yaml:8']);
  });

  it('a different tag links by name with a related note; a variable tag too', async () => {
    for (const [built, image] of [['acme/api:dev', 'acme/api:v2'], ['acme/api:debug', 'acme/api:${TAG}']]) {
      const fs = await findingsOf({ 'Dockerfile.debug': dockerfile, Makefile: `img:\n\tdocker build -t ${built} -f Dockerfile.debug .\n`, 'k8s/deploy.yaml': deployment(image!) });
      expect(fs.map((f) => f.ruleId)).toEqual(['PTD001']);
      expect(fs[0]!.related.some((r) => /by its name only/.test(r.message))).toBe(true);
    }
  });

  it('an image built only under a debug tag is not what a run of another tag runs (a registry image)', async () => {
    expect(await found({ 'Dockerfile.debug': dockerfile, Makefile: 'img:\n\tdocker build -t acme/api:debug -f Dockerfile.debug .\n', 'k8s/deploy.yaml': deployment('acme/api:v2') })).toEqual([]);
  });

  it('two different builds of one name link nothing (no guess)', async () => {
    expect(
      await found({
        'Dockerfile.debug': dockerfile,
        Dockerfile: 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]\n',
        Makefile: 'a:\n\tdocker build -t acme/api:one -f Dockerfile.debug .\nb:\n\tdocker build -t acme/api:two .\n',
        'k8s/deploy.yaml': deployment('acme/api:three'),
      }),
    ).toEqual([]);
  });

  it('Compose image: beside build: names the image that docker run and a dev container run', async () => {
    const r = await found({
      'Dockerfile.debug': dockerfile,
      'docker-compose.yml': 'services:\n  build-only:\n    image: acme/api:dev\n    build:\n      context: .\n      dockerfile: Dockerfile.debug\n    cap_add: [SYS_PTRACE]\n    ports: ["127.0.0.1:2345:2345"]\n',
      'run.sh': '#!/bin/sh\ndocker run --rm -p 2345:2345 acme/api:dev\n',
    });
    expect(r).toEqual(['PTD001 run.sh:2', 'PTD007 run.sh:2']);
  });

  it('bake targets and Skaffold artifacts are builds too', async () => {
    expect(await found({ 'Dockerfile.debug': dockerfile, 'docker-bake.hcl': 'target "debug" {\n  dockerfile = "Dockerfile.debug"\n  tags = ["acme/api:debug"]\n}\n', 'k8s/deploy.yaml': deployment('acme/api:debug') })).toEqual(['PTD001 k8s/deploy.yaml:8']);
    expect(await found({ 'Dockerfile.debug': dockerfile, 'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: acme/api\n      docker:\n        dockerfile: Dockerfile.debug\nmanifests:\n  rawYaml: ["k8s/*.yaml"]\n', 'k8s/deploy.yaml': deployment('acme/api') })).toEqual(['PTD001 k8s/deploy.yaml:8']);
  });

  it('a Skaffold build that deploys other manifests does not link this one', async () => {
    expect(await found({ 'Dockerfile.debug': dockerfile, 'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: acme/api\n      docker:\n        dockerfile: Dockerfile.debug\nmanifests:\n  rawYaml: ["k8s/debug/*.yaml"]\n', 'k8s/prod/deploy.yaml': deployment('acme/api') })).toEqual([]);
  });

  it('a Helm template that is valid YAML gets its image from the chart\'s values', async () => {
    expect(
      await found({
        'Dockerfile.debug': dockerfile,
        Makefile: 'img:\n\tdocker build -t acme/api:debug -f Dockerfile.debug .\n',
        'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\nappVersion: debug\n',
        'chart/values.yaml': 'image:\n  repository: acme/api\n  tag: ""\n',
        'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"\n',
      }),
    ).toEqual(['PTD001 chart/templates/deployment.yaml:9']);
  });

  // A chart as charts are written: unquoted actions, lines of their own that render named templates, `if` blocks.
  const chartTemplate = (extra = ''): string =>
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "api.fullname" . }}\n  labels:\n    {{- include "api.labels" . | nindent 4 }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n' +
    '        - name: {{ .Chart.Name }}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"\n          {{- if .Values.debug.enabled }}\n          command: ["/dlv", "--listen=:{{ .Values.debug.port }}", "--headless=true", "--api-version=2", "attach", "1"]\n          {{- end }}\n' +
    extra +
    '          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n';
  const chart = {
    'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\nappVersion: "1.4.0"\n',
    'chart/values.yaml': 'image:\n  repository: acme/api\n  tag: ""\ndebug:\n  enabled: true\n  port: 40000\n',
  };

  it('a Helm template as charts are written (unquoted actions, include and toYaml lines, if blocks) is read, not refused', async () => {
    expect(await found({ ...chart, 'chart/templates/deployment.yaml': chartTemplate() })).toEqual(['PTD001 chart/templates/deployment.yaml:12']);
    // Its fix adds the capability to the template, and the fixed template still reads (as the scan reads it).
    const f = await fixed({ ...chart, 'chart/templates/deployment.yaml': chartTemplate() }, { 'chart/templates/deployment.yaml': 'kubernetes' });
    expect(f.text('chart/templates/deployment.yaml')).toContain('- SYS_PTRACE');
    expect(f.text('chart/templates/deployment.yaml')).toContain('{{- include "api.labels" . | nindent 4 }}');
    expect(f.after).toEqual([]);
  });

  it('a Helm template that renders the container\'s securityContext from values: its capabilities are unknown, so nothing is said', async () => {
    const withValues = '          {{- with .Values.securityContext }}\n          securityContext:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n';
    expect(await found({ ...chart, 'chart/templates/deployment.yaml': chartTemplate(withValues) })).toEqual([]);
    expect(await found({ ...chart, 'chart/templates/deployment.yaml': chartTemplate('          securityContext: {{- toYaml .Values.securityContext | nindent 12 }}\n') })).toEqual([]);
    // A named template rendered at the container's own level may hold it too.
    expect(await found({ ...chart, 'chart/templates/deployment.yaml': chartTemplate('          {{- include "api.security" . | nindent 10 }}\n') })).toEqual([]);
  });

  it('Tilt: k8s_yaml(helm(\'chart\')) deploys the chart\'s templates, so its docker_build image links to them', async () => {
    const files = {
      ...chart,
      'chart/values.yaml': 'image:\n  repository: acme/api\n  tag: latest\n',
      'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n',
      'Dockerfile.tilt': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nCOPY . /src\nRUN cd /src && go build -gcflags "all=-N -l" -o /api ./cmd/api\nCMD ["/go/bin/dlv", "--listen=:2345", "--headless=true", "--api-version=2", "attach", "1"]\n',
    };
    expect(await found({ ...files, Tiltfile: "docker_build('acme/api', '.', dockerfile='Dockerfile.tilt')\nk8s_yaml(helm('chart', set=['debug=true']))\n" })).toEqual(['PTD001 chart/templates/deployment.yaml:9']);
    // A Tiltfile that deploys something else does not run this build in the chart.
    expect(await found({ ...files, 'k8s/other.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n', Tiltfile: "docker_build('acme/api', '.', dockerfile='Dockerfile.tilt')\nk8s_yaml('k8s/other.yaml')\n" })).not.toContain('PTD001 chart/templates/deployment.yaml:9');
  });

  it('Tilt: k8s_yaml(kustomize(DIR)) deploys what the kustomization renders; entrypoint= behind tini is the command, args follow it; a copy init container does not debug', async () => {
    const deploy = (cmd: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: copyutil\n          image: quay.io/acme/api:latest\n          command: [/bin/cp, /usr/local/bin/api, /shared/api]\n      containers:\n        - name: api\n          image: quay.io/acme/api:latest\n${cmd}`;
    const files = {
      'Dockerfile.tilt': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nCOPY .tilt-bin/api /usr/local/bin/api\n',
      'manifests/base/kustomization.yaml': 'resources:\n  - api-deployment.yaml\n',
      'manifests/base/api-deployment.yaml': deploy('          args: [/usr/local/bin/api]\n'),
      'manifests/dev-tilt/kustomization.yaml': 'resources:\n  - ../base\n',
      Tiltfile: "docker_build_with_restart(\n  'quay.io/acme/api:latest',\n  context='.',\n  dockerfile='Dockerfile.tilt',\n  entrypoint=['/usr/bin/tini', '-s', '--', 'dlv', 'exec', '--headless', '--listen=:2345'],\n  live_update=[sync('.tilt-bin/api', '/usr/local/bin/api')],\n)\nk8s_yaml(kustomize('manifests/dev-tilt'))\n",
    };
    const f = await findingsOf(files);
    expect(f.map((x) => `${x.ruleId} ${toLocation(x.span).path}:${toLocation(x.span).startLine}`)).toEqual(['PTD001 manifests/base/api-deployment.yaml:13']);
    expect(f[0]!.message).toContain('runs `dlv exec');
    // Without the kustomize() call nothing deploys the build: the manifest runs an image of its own.
    expect(await found({ ...files, Tiltfile: files.Tiltfile.replace("k8s_yaml(kustomize('manifests/dev-tilt'))\n", '') })).toEqual([]);
  });

  it('Tilt: k8s_yaml(kustomize(\'dir\')) deploys what the kustomization renders, so a pod giving only args runs the image\'s tini -- dlv ENTRYPOINT', async () => {
    const files = {
      'Dockerfile.tilt': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nCOPY bin/server /usr/local/bin/server\nENTRYPOINT ["/usr/bin/tini", "-s", "--", "dlv", "exec", "--headless", "--listen=:2345", "--api-version=2"]\n',
      'deploy/dev/kustomization.yaml': 'resources:\n  - ../base\n',
      'deploy/base/kustomization.yaml': 'resources:\n  - server.yaml\n',
      'deploy/base/server.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: server\nspec:\n  template:\n    spec:\n      containers:\n        - name: server\n          image: acme/server:latest\n          args: [/usr/local/bin/server]\n        - name: copy\n          image: acme/server:latest\n          command: [/bin/cp, /usr/local/bin/server, /shared/]\n',
    };
    const f = await findingsOf({ ...files, Tiltfile: "k8s_yaml(kustomize('deploy/dev'))\ndocker_build('acme/server', '.', dockerfile='Dockerfile.tilt')\n" });
    expect(f.map((x) => `${x.ruleId} ${toLocation(x.span).path}:${toLocation(x.span).startLine}`)).toEqual(['PTD001 deploy/base/server.yaml:9']);
    expect(f[0]!.message).toContain('runs `dlv exec');
    // A kustomization the Tiltfile does not render gets no image from it.
    expect(await found({ ...files, 'deploy/other/kustomization.yaml': 'resources: []\n', Tiltfile: "k8s_yaml(kustomize('deploy/other'))\ndocker_build('acme/server', '.', dockerfile='Dockerfile.tilt')\n" })).not.toContain('PTD001 deploy/base/server.yaml:9');
  });

  it('Tilt: a Dockerfile written as a string of the Tiltfile has its delve install checked where it is written, with the Go of its FROM', async () => {
    const tilt = (v: string) => `helper = """\nFROM golang:1.22 as tilt-helper\nRUN go install github.com/go-delve/delve/cmd/dlv@${v} && \\\n    chmod +x /go/bin/dlv\n"""\ndocker_build('acme/api', '.', dockerfile_contents = helper)\nbuild_cmd = 'RUN is not a command here: go get github.com/go-delve/delve'\n`;
    const f = await findingsOf({ Tiltfile: tilt('latest') });
    expect(f.map((x) => `${x.ruleId} ${toLocation(x.span).path}:${toLocation(x.span).startLine}`)).toEqual(['PTD012 Tiltfile:3']);
    expect(f[0]!.message).toContain('Go 1.22');
    const out = await fixed({ Tiltfile: tilt('latest') }, {});
    expect(out.text('Tiltfile')).toMatch(/dlv@v1\.\d+\.\d+ && \\\n/);
    expect(out.after).toEqual([]);
    expect(await found({ Tiltfile: tilt('v1.22.1') })).toEqual([]);
  });

  it('a Dockerfile a script or a Makefile writes (a heredoc, a sed script) has its delve install checked where it is written', async () => {
    const gen = '#!/bin/sh\ncat > Dockerfile.debug <<EOF\nFROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nEOF\ndocker build -t app:debug -f Dockerfile.debug .\n';
    expect(await found({ 'gen.sh': gen })).toEqual(['PTD012 gen.sh:4']);
    const make = "debug-image:\n\tsed -e '/RUN .*go mod download/a\\\n\tRUN go install github.com/go-delve/delve/cmd/dlv@latest' \\\n\t-e '/EXPOSE/a\\\n\tEXPOSE 2345' \\\n\tDockerfile > Dockerfile.debug\n";
    expect(await found({ Makefile: make })).toEqual(['PTD012 Makefile:3']);
    // Pinned, or a RUN word that starts no line (an echo of it), says nothing.
    expect(await found({ 'gen.sh': gen.replace('@latest', '@v1.22.1') })).toEqual([]);
    expect(await found({ 'gen.sh': '#!/bin/sh\necho "RUN go install github.com/go-delve/delve/cmd/dlv@latest" >> notes.txt\n' })).toEqual([]);
  });

  it('a README code block that builds the image is a build (its other lines are not run lines)', async () => {
    expect(await found({ 'Dockerfile.debug': dockerfile, 'README.md': '# api\n\n```sh\nIMAGE=acme/api\ndocker build -t $IMAGE:debug -f Dockerfile.debug .\ndocker run --privileged $IMAGE:debug\n```\n', 'k8s/deploy.yaml': deployment('acme/api:debug') })).toEqual(['PTD001 k8s/deploy.yaml:8']);
  });

  it('docker build -t NAME ./Dockerfile (the Dockerfile written as the context) still tags that Dockerfile', async () => {
    const readme = (ctx: string) => `# api\n\n\`\`\`sh\ndocker build -t acme/api ${ctx}\n\`\`\`\n`;
    expect(await found({ 'Dockerfile.debug': dockerfile, 'README.md': readme('./Dockerfile.debug'), 'k8s/deploy.yaml': deployment('acme/api:latest') })).toEqual(['PTD001 k8s/deploy.yaml:8']);
    expect(await found({ 'build/Dockerfile': dockerfile, 'README.md': readme('build/Dockerfile'), 'k8s/deploy.yaml': deployment('acme/api') })).toEqual(['PTD001 k8s/deploy.yaml:8']);
    // A directory is still the context, and a file that is no Dockerfile links nothing.
    expect(await found({ 'build/Dockerfile': dockerfile, 'README.md': readme('build'), 'k8s/deploy.yaml': deployment('acme/api') })).toEqual(['PTD001 k8s/deploy.yaml:8']);
    expect(await found({ 'Dockerfile.debug': dockerfile, 'README.md': readme('./notes.txt'), 'notes.txt': 'x\n', 'k8s/deploy.yaml': deployment('acme/api') })).toEqual([]);
  });

  it('thousands of images link in one pass (an index, not all pairs)', async () => {
    const files: Record<string, string> = { 'Dockerfile.debug': dockerfile };
    let make = '';
    for (let i = 0; i < 2000; i++) make += `i${i}:\n\tdocker build -t acme/svc-${i}:debug -f Dockerfile.debug .\n`;
    files.Makefile = make;
    // Five manifests of 400 pods each (a file holds at most 10 000 YAML documents).
    for (let f = 0; f < 5; f++) {
      let k8s = '';
      for (let i = f * 400; i < (f + 1) * 400; i++) k8s += `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers:\n    - name: c\n      image: acme/svc-${i}:debug\n      securityContext: {capabilities: {add: [SYS_PTRACE]}}\n`;
      files[`k8s/pods-${f}.yaml`] = k8s;
    }
    const r = await scan({ root: repo(files) });
    expect(r.launches.filter((l) => l.kind === 'kubernetes' && l.dockerfile?.file.path === 'Dockerfile.debug')).toHaveLength(2000);
  });
});

describe('3. scripts the container runs', () => {
  it('CMD ["/start.sh"] after COPY: the script\'s dlv line is the container\'s command, at its own place', async () => {
    const fs = await findingsOf({
      Dockerfile: 'FROM golang:1.22\nCOPY scripts/start.sh /start.sh\nCMD ["/start.sh"]\n',
      'scripts/start.sh': '#!/bin/sh\nexec dlv debug --headless --listen=127.0.0.1:2345 ./cmd/api\n',
      'docker-compose.yml': 'services:\n  api:\n    build: .\n    ports: ["2345:2345"]\n',
    });
    expect(fs.map((f) => `${f.ruleId} ${toLocation(f.span).path}:${toLocation(f.span).startLine}`)).toEqual(['PTD001 docker-compose.yml:2', 'PTD007 docker-compose.yml:4', 'PTD006 scripts/start.sh:2']);
  });

  it('a Compose command naming a bind-mounted script, and sh -c ./run.sh', async () => {
    for (const command of ['./scripts/debug.sh', 'sh -c ./scripts/debug.sh']) {
      expect(
        await found({
          'compose.yaml': `services:\n  api:\n    image: golang:1.22\n    working_dir: /app\n    volumes: [".:/app"]\n    command: ${command}\n    cap_add: [SYS_PTRACE]\n`,
          'scripts/debug.sh': '#!/bin/bash\ndlv debug --headless --listen=:2345 ./cmd/api\n',
        }),
      ).toEqual(['PTD008 scripts/debug.sh:2']);
    }
  });

  it('a command naming the path a Dockerfile COPYs a script to, when the image is not built here under that name', async () => {
    const files = {
      DockerfileDebug: 'ARG BASE\nFROM golang:1.22 AS dbg\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.2\nFROM ${BASE}\nCOPY --from=dbg /go/bin/dlv /usr/local/bin/dlv\nCOPY dlv.sh /opt/tool/\n',
      'dlv.sh': '#!/bin/sh\nexec dlv --listen=:2345 --headless=true --api-version=2 exec /opt/tool/server\n',
    };
    const pod = (command: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: tool}\nspec:\n  containers:\n    - name: tool\n      image: registry.example/tool:latest\n      command: ["${command}"]\n${extra}`;
    expect(await found({ ...files, 'debug.yaml': pod('/opt/tool/dlv.sh', '      securityContext: {privileged: true}\n') })).toEqual(['PTD003 debug.yaml:9']);
    expect(await found({ ...files, 'compose.yaml': 'services:\n  tool:\n    image: registry.example/tool:latest\n    command: /opt/tool/dlv.sh\n    ports: ["2345:2345"]\n' })).toEqual(['PTD001 compose.yaml:2', 'PTD007 compose.yaml:5']);
    // Another path, or a Dockerfile that mentions no debugger: nothing is read, nothing fires.
    expect(await found({ ...files, 'debug.yaml': pod('/opt/other/dlv.sh', '      securityContext: {privileged: true}\n') })).toEqual([]);
    expect(await found({ Dockerfile: 'FROM alpine\nCOPY start.sh /opt/tool/\n', 'start.sh': '#!/bin/sh\nexec /opt/tool/server\n', 'debug.yaml': pod('/opt/tool/start.sh', '      securityContext: {privileged: true}\n') })).toEqual([]);
  });

  it('Kubernetes args naming a script of the linked image', async () => {
    expect(
      await found({
        Dockerfile: 'FROM golang:1.22\nWORKDIR /srv\nCOPY . .\nENTRYPOINT ["/bin/sh"]\n',
        'hack/debug.sh': '#!/bin/sh\ndlv attach 1 --headless --listen=:2345\n',
        'build.sh': '#!/bin/sh\ndocker build -t acme/tools .\n',
        'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: dbg}\nspec:\n  containers:\n    - name: dbg\n      image: acme/tools\n      args: ["hack/debug.sh"]\n',
      }),
    ).toEqual(['PTD001 pod.yaml:6']);
  });

  it('air, reflex and CompileDaemon start dlv themselves', async () => {
    const base = { Dockerfile: 'FROM golang:1.22\nWORKDIR /app\nCOPY . .\n' };
    expect(await found({ ...base, 'compose.yaml': 'services:\n  api:\n    build: .\n    command: air -c .air.toml\n    ports: ["2345:2345"]\n', '.air.toml': '[build]\n  cmd = "go build -o ./tmp/main ."\n  full_bin = "dlv exec --headless --listen=:2345 --accept-multiclient ./tmp/main"\n' })).toEqual(['PTD010 .air.toml:2', 'PTD001 compose.yaml:2', 'PTD007 compose.yaml:5']);
    expect(await found({ ...base, 'compose.yaml': 'services:\n  api:\n    build: .\n    command: ["reflex", "-r", "\\\\.go$$", "-s", "--", "sh", "-c", "dlv debug --headless --listen=:2345"]\n    cap_add: [SYS_PTRACE]\n' })).toEqual(['PTD008 compose.yaml:4']);
    expect((await found({ ...base, 'compose.yaml': 'services:\n  api:\n    build: .\n    command: CompileDaemon -build="go build -o /tmp/app ." -command="dlv exec /tmp/app --headless --listen=127.0.0.1:2345"\n    cap_add: [SYS_PTRACE]\n' })).sort()).toEqual(['PTD006 compose.yaml:4', 'PTD010 compose.yaml:4']);
  });

  it("a dlv --listen port written with a variable of the Compose file's .env is read as Compose interpolates it", async () => {
    const base = { '.env': 'DEBUG_PORT=40000\n', Dockerfile: 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\n' };
    const svc = (ports: string) => `services:\n  api:\n    build: .\n    cap_add: [SYS_PTRACE]\n    command: dlv debug --headless --listen=:\${DEBUG_PORT} .\n${ports}`;
    expect(await found({ ...base, 'compose.yaml': svc('    ports:\n      - "${DEBUG_PORT}:${DEBUG_PORT}"\n') })).toEqual(['PTD007 compose.yaml:7']);
    expect(await found({ ...base, 'compose.yaml': svc('    ports:\n      - "127.0.0.1:${DEBUG_PORT}:${DEBUG_PORT}"\n') })).toEqual([]);
    // Unpublished: PTD008, without a fix that would write the .env's value into the file.
    const f = await findingsOf({ ...base, 'compose.yaml': svc('') });
    expect(f.map((x) => x.ruleId)).toEqual(['PTD008']);
    expect(f[0]!.fix).toBeUndefined();
    // A default in the value, and no .env: the default is the port.
    expect(await found({ Dockerfile: base.Dockerfile, 'compose.yaml': svc('    ports:\n      - "2345:2345"\n').replace('${DEBUG_PORT}', '${DEBUG_PORT:-2345}') })).toEqual(['PTD007 compose.yaml:7']);
  });

  it('an image named from a loop variable: each value is built and run', async () => {
    const script = (run: string) => `#!/bin/bash\nIMAGES=(api worker)\nfor name in "\${IMAGES[@]}"; do\n  docker build -t acme/"$name" -f docker/"$name".Dockerfile .\ndone\n${run}\n`;
    const files = { 'docker/api.Dockerfile': 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\n', 'docker/worker.Dockerfile': 'FROM golang:1.22\n' };
    // The api image installs dlv: the loop's run line of acme/$name is a debugging container without SYS_PTRACE.
    expect(await found({ ...files, 'run.sh': script('for name in "${IMAGES[@]}"; do docker run --rm acme/"$name" go test ./...; done') })).toEqual(['PTD001 run.sh:6']);
    // Neither image has a debugger: nothing, however the names are built.
    expect(await found({ 'docker/api.Dockerfile': 'FROM golang:1.22\nRUN echo dlv-free\n', 'docker/worker.Dockerfile': 'FROM golang:1.22\n', 'run.sh': script('for name in "${IMAGES[@]}"; do docker run --rm --security-opt seccomp=unconfined acme/"$name"; done') })).toEqual([]);
    // A run opened by a keyword on the loop's own line (`do docker run …`), and one after `then`.
    expect(await found({ ...files, 'run.sh': script('if [ -n "$CI" ]; then docker run --rm acme/api go test ./...; fi') })).toEqual(['PTD001 run.sh:6']);
    // A loop over a glob gives no names.
    expect(await found({ ...files, 'run.sh': '#!/bin/bash\nfor name in docker/*; do docker build -t acme/"$name" .; docker run acme/"$name"; done\n' })).toEqual([]);
  });

  it("nodemon's config file and modd.conf start dlv themselves", async () => {
    const img = { Dockerfile: 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nWORKDIR /app\nCMD ["nodemon", "--config", "nodemon.json"]\n' };
    const svc = 'services:\n  api:\n    build: .\n    volumes: [".:/app"]\n    cap_add: [SYS_PTRACE]\n';
    // nodemon.json's exec: the build's flags and the listen address are read there.
    const nm = (exec: string) => `{\n  "watch": ["."],\n  "ext": "go",\n  "exec": "${exec}"\n}\n`;
    expect((await found({ ...img, 'compose.yaml': svc, 'nodemon.json': nm("go build -ldflags '-s -w' -o ./bin/app . && dlv --headless --listen=127.0.0.1:2345 exec ./bin/app") })).sort()).toEqual(['PTD006 nodemon.json:4', 'PTD009 nodemon.json:4', 'PTD010 nodemon.json:4']);
    // The default nodemon.json in the working directory; --exec on the command line wins over it.
    expect(await found({ Dockerfile: img.Dockerfile.replace('"--config", "nodemon.json"', '"-e", "go"'), 'compose.yaml': svc, 'nodemon.json': nm('dlv debug --headless --listen=:2345 .') })).toEqual(['PTD008 nodemon.json:4']);
    expect(await found({ Dockerfile: img.Dockerfile.replace('"--config", "nodemon.json"', '"--exec", "go run ."'), 'compose.yaml': svc, 'nodemon.json': nm('dlv debug --headless --listen=:2345 .') })).toEqual([]);
    // modd.conf: prep and daemon commands (with options and a continued line); a commented-out daemon is nothing.
    const modd = { Dockerfile: 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\nWORKDIR /src\nCMD ["modd"]\n', 'compose.yaml': 'services:\n  api:\n    build: .\n    volumes: [".:/src"]\n    cap_add: [SYS_PTRACE]\n' };
    expect(await found({ ...modd, 'modd.conf': '**/*.go {\n  prep: go build -o /tmp/app .\n  daemon +sigterm: dlv --listen=:40000 --headless \\\n    --api-version=2 exec /tmp/app\n}\n' })).toEqual(['PTD010 modd.conf:2', 'PTD008 modd.conf:3']);
    expect(await found({ ...modd, 'modd.conf': '**/*.go {\n  prep: go build -o /tmp/app .\n  daemon: /tmp/app\n  # daemon: dlv --listen=:40000 --headless exec /tmp/app\n}\n' })).toEqual([]);
    expect(await found({ ...modd, 'Dockerfile': modd.Dockerfile.replace('["modd"]', '["modd", "-f", "dev/modd-debug.conf"]'), 'dev/modd-debug.conf': '**/*.go {\n  daemon: dlv debug --listen=127.0.0.1:40000 --headless .\n}\n' })).toEqual(['PTD006 dev/modd-debug.conf:2']);
  });

  it('a cycle of scripts stops with one PTD900 note; a script behind a symbolic link out of the repository is not read', async () => {
    const r = await found({ Dockerfile: 'FROM debian\nCOPY a.sh b.sh /\nCMD ["/a.sh"]\n', 'a.sh': '#!/bin/sh\n/b.sh\n', 'b.sh': '#!/bin/sh\n/a.sh\nstrace -p 1\n' });
    // The loop closes where b.sh runs a.sh again: said there, once.
    expect(r).toEqual(['PTD900 b.sh:2', 'PTD001 b.sh:3']);
    const root = repo({ Dockerfile: 'FROM debian\nCOPY start.sh /\nCMD ["/start.sh"]\n' });
    const outside = repo({ 'start.sh': '#!/bin/sh\ndlv attach 1\n' });
    symlinkSync(join(outside, 'start.sh'), join(root, 'start.sh'));
    const res = await scan({ root });
    expect(res.findings.filter((f) => f.ruleId !== 'PTD900')).toEqual([]);
    expect(res.files.some((f) => f.text.includes('dlv attach'))).toBe(false);
  });

  it('a loop of scripts that spell no debugger gives no note (an entrypoint that re-runs itself as another user)', async () => {
    const r = await found({
      Dockerfile: 'FROM debian\nRUN apt-get install -y gdb\nCOPY entrypoint.sh run-tests.sh /\nENTRYPOINT ["/entrypoint.sh"]\n',
      'entrypoint.sh': '#!/bin/sh\nif [ "$(id -u)" = 0 ]; then exec gosu app /entrypoint.sh "$@"; fi\n/run-tests.sh\n',
      'run-tests.sh': '#!/bin/sh\ncat > /etc/systemd/system/t.service <<EOF\nExecStart=/bin/sh /entrypoint.sh\nEOF\n',
    });
    expect(r.filter((x) => x.startsWith('PTD900'))).toEqual([]);
  });

  it('a script out of reach that neither spells a debugger nor leads to one gives no note (a build library four scripts down)', async () => {
    const files: Record<string, string> = { Dockerfile: 'FROM debian\nRUN apt-get install -y strace\nCOPY . /s/\nCMD ["/s/1.sh"]\n' };
    for (let i = 1; i <= 6; i++) files[`${i}.sh`] = `#!/bin/sh\nsource /s/${i + 1}.sh\n`;
    files['7.sh'] = '#!/bin/sh\necho done\n';
    expect((await found(files)).filter((x) => x.startsWith('PTD900'))).toEqual([]);
  });

  it('scripts are followed at most four hops deep', async () => {
    const files: Record<string, string> = { Dockerfile: 'FROM debian\nCOPY . /s/\nCMD ["/s/1.sh"]\n' };
    for (let i = 1; i <= 7; i++) files[`${i}.sh`] = `#!/bin/sh\n/s/${i + 1}.sh\n`;
    files['8.sh'] = '#!/bin/sh\nstrace -p 1\n';
    const r = await found(files);
    expect(r.filter((x) => x.startsWith('PTD001'))).toEqual([]);
    expect(r.some((x) => x.startsWith('PTD900'))).toBe(true);
  });
});

describe('4. default build files as the builders resolve them', () => {
  const df = 'FROM golang:1.22\nCMD ["dlv", "attach", "1"]\n';
  it('a lowercase dockerfile when there is no Dockerfile; Containerfile first for podman', async () => {
    expect(await found({ 'svc/dockerfile': df, 'compose.yaml': 'services:\n  api:\n    build: ./svc\n' })).toEqual(['PTD001 compose.yaml:2']);
    expect(await found({ 'svc/Containerfile': df, 'svc/Dockerfile': 'FROM debian\n', 'run.sh': '#!/bin/sh\npodman build -t acme/x svc\npodman run acme/x\n' })).toEqual(['PTD001 run.sh:3']);
  });

  it('Compose dockerfile_inline: findings point into the Compose file', async () => {
    expect(await found({ 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM golang:1.22\n        CMD ["dlv", "debug", "--headless", "--listen=127.0.0.1:2345"]\n    cap_add: [SYS_PTRACE]\n    ports: ["127.0.0.1:2345:2345"]\n' })).toEqual(['PTD006 compose.yaml:7']);
  });
});

describe('5. evidence of ptrace beyond the tool names', () => {
  it('SYS_PTRACE next to seccomp=unconfined is the workaround PTD002 reports, with no tool in sight', async () => {
    expect(await found({ 'run.sh': '#!/bin/sh\ndocker run --cap-add=SYS_PTRACE --security-opt seccomp:unconfined -it acme/dev bash\n' })).toEqual(['PTD002 run.sh:2']);
  });

  it('joining another container\'s PID namespace is a debugging container', async () => {
    expect(await found({ 'compose.yaml': 'services:\n  app:\n    image: acme/app\n  debugger:\n    image: acme/tools\n    pid: "service:app"\n' })).toEqual(['PTD001 compose.yaml:4']);
  });

  it('an operator workload that holds a pod template is read as a Deployment is (Crossplane DeploymentRuntimeConfig, Argo Rollout)', async () => {
    const drc = 'apiVersion: pkg.crossplane.io/v1beta1\nkind: DeploymentRuntimeConfig\nmetadata:\n  name: fn\nspec:\n  deploymentTemplate:\n    spec:\n      selector: {}\n      template:\n        spec:\n          containers:\n          - name: package-runtime\n            command: [/dbg/dlv, exec, --headless, --listen=:40000, /function]\n';
    expect(await found({ 'k8s/debug/runtime.yaml': drc })).toEqual(['PTD001 k8s/debug/runtime.yaml:12']);
    expect(await found({ 'k8s/debug/runtime.yaml': drc.replace('/function]\n', '/function]\n            securityContext:\n              capabilities:\n                add: [SYS_PTRACE]\n') })).toEqual([]);
    const rollout = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: acme/api\n        command: ["strace", "-f", "/api"]\n';
    expect(await found({ 'rollout.yaml': rollout })).toEqual(['PTD001 rollout.yaml:9']);
    // A kind that holds no pod template is not read as one.
    expect(await found({ 'fn.yaml': 'apiVersion: pkg.crossplane.io/v1\nkind: Function\nmetadata:\n  name: fn\nspec:\n  package: xpkg.upbound.io/acme/fn:v1\n# dlv\n' })).toEqual([]);
  });

  it('shareProcessNamespace alone reports nothing; next to a workaround it is evidence', async () => {
    const pod = (extra: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  shareProcessNamespace: true\n  containers:\n    - name: app\n      image: acme/app\n    - name: reloader\n      image: acme/reloader\n${extra}`;
    expect(await found({ 'pod.yaml': pod('') })).toEqual([]);
    expect(await found({ 'pod.yaml': pod('      securityContext:\n        privileged: true\n') })).toEqual(['PTD003 pod.yaml:12']);
  });

  it('an eBPF agent (privileged, the app\'s PID namespace, the kernel\'s tracing or BPF file system mounted) is privileged for BPF, not for a debugger', async () => {
    const compose = (extra: string) => `services:\n  app:\n    image: acme/app\n  agent:\n    image: acme/agent\n    privileged: true\n    pid: "service:app"\n    volumes:\n      - ./sec:/sys/kernel/security\n${extra}`;
    expect(await found({ 'compose.yaml': compose('') })).toEqual([]);
    // A debugger in it is still one, and the same agent without the mount is still a debugging container.
    expect(await found({ 'compose.yaml': compose('    command: ["strace", "-f", "-p", "1"]\n') })).toEqual(['PTD003 compose.yaml:6']);
    expect(await found({ 'compose.yaml': compose('').replace('    volumes:\n      - ./sec:/sys/kernel/security\n', '') })).toEqual(['PTD003 compose.yaml:6']);
    const pod = (mount: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  shareProcessNamespace: true\n  containers:\n    - name: app\n      image: acme/app\n    - name: agent\n      image: acme/agent\n      securityContext:\n        privileged: true\n      volumeMounts:\n        - name: bpf\n          mountPath: ${mount}\n`;
    expect(await found({ 'pod.yaml': pod('/sys/fs/bpf') })).toEqual([]);
    expect(await found({ 'pod.yaml': pod('/data') })).toEqual(['PTD003 pod.yaml:12']);
    expect(await found({ 'run.sh': '#!/bin/sh\ndocker run --privileged --pid=container:app -v /sys/kernel/debug:/sys/kernel/debug acme/agent\n' })).toEqual([]);
    expect(await found({ 'run.sh': '#!/bin/sh\ndocker run --privileged --pid=container:app --mount type=bind,source=/sys,target=/sys/kernel/tracing acme/agent\n' })).toEqual([]);
    expect(await found({ 'run.sh': '#!/bin/sh\ndocker run --privileged --pid=container:app -v /data:/data acme/agent\n' })).toEqual(['PTD003 run.sh:2']);
  });

  it('a dev container whose Dockerfile copies Go from a golang image is a Go dev container', async () => {
    expect(await found({ '.devcontainer/devcontainer.json': '{\n  "name": "dev",\n  "build": { "dockerfile": "Dockerfile" }\n}\n', '.devcontainer/Dockerfile': 'FROM debian:bookworm\nCOPY --from=golang:1.22 /usr/local/go /usr/local/go\n' })).toEqual(['PTD001 .devcontainer/devcontainer.json:2']);
  });

  it('a production service with none of these gets nothing', async () => {
    expect(await found({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    cap_add: [NET_ADMIN]\n    pid: host\n    security_opt: [no-new-privileges:true]\n' })).toEqual([]);
  });
});

describe('6. kubectl debug', () => {
  it('an attach without --profile (kubectl ≤ 1.35: legacy) or with baseline is PTD001, fixed with --profile=general', async () => {
    const files = { 'hack/debug.sh': '#!/bin/sh\nkubectl debug -n dev -it "$POD" --image=ghcr.io/acme/dlv --target=api -- dlv attach 1 --headless --listen=:2345\nkubectl debug mypod --profile=baseline --image=busybox --target=api -- strace -p 1\nkubectl debug mypod --profile=general --target=api --image=busybox -- strace -p 1\n' };
    const fs = await findingsOf(files);
    expect(fs.map((f) => `${f.ruleId} ${f.severity} ${toLocation(f.span).startLine}`)).toEqual(['PTD001 error 2', 'PTD001 error 3']);
    expect(fs[0]!.message).toMatch(/kubectl up to 1\.35 uses the `legacy` profile/);
    const f = await fixed(files, {});
    expect(f.text('hack/debug.sh')).toContain('kubectl debug --profile=general -n dev');
    expect(f.text('hack/debug.sh')).toContain('kubectl debug mypod --profile=general --image=busybox --target=api -- strace -p 1');
    expect(f.after).toEqual([]);
  });

  it('a --custom spec in the repository that adds SYS_PTRACE grants it; node debugging is not a container of the pod', async () => {
    expect(await found({ 'debug.sh': '#!/bin/sh\nkubectl debug pod/x --custom=hack/ptrace.json --target=app --image=busybox -- strace -p 1\nkubectl debug node/n1 -it --image=busybox -- strace -p 1\n', 'hack/ptrace.json': '{"securityContext": {"capabilities": {"add": ["SYS_PTRACE"]}}}\n' })).toEqual([]);
  });

  it('ephemeralContainers in a manifest are containers too', async () => {
    expect(await found({ 'ephemeral.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: acme/app\n  ephemeralContainers:\n    - name: debugger\n      image: acme/tools\n      targetContainerName: app\n      command: ["strace", "-p", "1"]\n' })).toEqual(['PTD001 ephemeral.yaml:9']);
  });
});

describe('7. more places where docker run lines live', () => {
  const line = 'docker run --rm --security-opt seccomp=unconfined -p 2345:2345 acme/dev dlv debug --headless --listen=:2345';
  it.each([
    ['justfile', `image := "acme/dev"\n\ndebug:\n    ${line}\n`, 'justfile:4'],
    ['Taskfile.yml', `version: "3"\ntasks:\n  debug:\n    cmds:\n      - ${line}\n`, 'Taskfile.yml:5'],
    ['package.json', `{\n  "scripts": {\n    "debug": "${line}"\n  }\n}\n`, 'package.json:3'],
    ['.gitlab-ci.yml', `debug:\n  script:\n    - ${line}\n`, '.gitlab-ci.yml:3'],
    ['.devcontainer/post-create.sh', `#!/bin/bash\n${line}\n`, '.devcontainer/post-create.sh:2'],
    ['hack/debug', `#!/usr/bin/env bash\n${line}\n`, 'hack/debug:2'],
  ])('%s', async (path, text, at) => {
    const r = await found({ [path]: text });
    expect(r).toEqual([`PTD002 ${at}`, `PTD007 ${at}`]);
  });

  it('justfile {{var}} and := variables resolve the image', async () => {
    const df = 'FROM golang:1.22\nCMD ["dlv", "attach", "1"]\n';
    expect(await found({ 'Dockerfile.debug': df, justfile: 'img := "acme/api:debug"\n\nbuild:\n    docker build -t {{img}} -f Dockerfile.debug .\n\nrun:\n    docker run --rm {{img}}\n' })).toEqual(['PTD001 justfile:7']);
  });
});

describe('8. grants broader than needed', () => {
  it('cap_add ALL on a debugging container is PTD003, fixed to SYS_PTRACE in each syntax', async () => {
    const files = {
      'compose.yaml': 'services:\n  dbg:\n    image: x\n    command: dlv attach 1\n    cap_add:\n      - ALL\n',
      'run.sh': '#!/bin/sh\ndocker run --cap-add=ALL img strace -p 1\n',
      'k8s.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x\n      command: [gdb, -p, "1"]\n      securityContext:\n        capabilities:\n          add: ["ALL"]\n',
    };
    expect(await found(files)).toEqual(['PTD003 compose.yaml:6', 'PTD003 k8s.yaml:11', 'PTD003 run.sh:2']);
    const f = await fixed(files, { 'compose.yaml': 'compose', 'k8s.yaml': 'kubernetes' });
    expect(f.text('compose.yaml')).toContain('      - SYS_PTRACE\n');
    expect(f.text('run.sh')).toContain('--cap-add=SYS_PTRACE img');
    expect(f.text('k8s.yaml')).toContain('add: ["SYS_PTRACE"]');
    expect(f.after).toEqual([]);
  });

  it('cap_add ALL without a debugger is no finding', async () => {
    expect(await found({ 'compose.yaml': 'services:\n  vpn:\n    image: acme/vpn\n    cap_add: [ALL]\n' })).toEqual([]);
  });
});

describe('9. Compose as it is really written', () => {
  it('${VAR:-2345} and a .env value in ports; an unset host IP binds every interface', async () => {
    const svc = (ports: string) => `services:\n  api:\n    image: x\n    command: dlv debug --headless --listen=:2345\n    cap_add: [SYS_PTRACE]\n    ports:\n      - "${ports}"\n`;
    expect(await found({ 'compose.yaml': svc('${DLV_PORT:-2345}:${DLV_PORT:-2345}') })).toEqual(['PTD007 compose.yaml:7']);
    expect(await found({ 'compose.yaml': svc('${BIND_IP}:2345:2345') })).toEqual(['PTD007 compose.yaml:7']);
    expect(await found({ 'compose.yaml': svc('${BIND_IP}:2345:2345'), '.env': 'BIND_IP=127.0.0.1\n' })).toEqual([]);
  });

  it('include: reads a file of any name; extends across files; profiles are services too', async () => {
    expect(await found({ 'compose.yaml': 'include:\n  - debug/services.yml\nservices:\n  web:\n    image: nginx\n', 'debug/services.yml': 'services:\n  dbg:\n    image: x\n    profiles: [debug]\n    command: strace -p 1\n' })).toEqual(['PTD001 debug/services.yml:2']);
  });

  it('an anchor every user of which debugs is edited; a shared one is overridden in the service', async () => {
    const allDebug = 'x-debug: &debug\n  security_opt:\n    - seccomp:unconfined\nservices:\n  a:\n    <<: *debug\n    image: x\n    command: dlv attach 1\n  b:\n    <<: *debug\n    image: x\n    command: strace -p 1\n';
    let f = await fixed({ 'compose.yaml': allDebug }, { 'compose.yaml': 'compose' });
    expect(f.text('compose.yaml')).toBe('x-debug: &debug\n  cap_add:\n    - SYS_PTRACE\nservices:\n  a:\n    <<: *debug\n    image: x\n    command: dlv attach 1\n  b:\n    <<: *debug\n    image: x\n    command: strace -p 1\n');
    expect(f.after).toEqual([]);
    const shared = 'x-base: &base\n  cap_add: [NET_ADMIN]\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx\n  dbg:\n    <<: *base\n    image: x\n    command: dlv attach 1\n';
    f = await fixed({ 'compose.yaml': shared }, { 'compose.yaml': 'compose' });
    expect(f.text('compose.yaml')).toBe('x-base: &base\n  cap_add: [NET_ADMIN]\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx\n  dbg:\n    <<: *base\n    image: x\n    command: dlv attach 1\n    cap_add:\n      - NET_ADMIN\n      - SYS_PTRACE\n');
    expect(f.after).toEqual([]);
  });
});

describe('the relevance filter reads what the new links need', () => {
  it('every case above finds the same with and without the filter', async () => {
    const cases: Array<Record<string, string>> = [
      { Dockerfile: 'FROM golang:1.22\nCOPY scripts/start.sh /start.sh\nCMD ["/start.sh"]\n', 'scripts/start.sh': '#!/bin/sh\nexec dlv debug --headless --listen=127.0.0.1:2345\n', 'docker-compose.yml': 'services:\n  api:\n    build: .\n    ports: ["2345:2345"]\n' },
      { 'Dockerfile.debug': 'FROM golang:1.22\nENTRYPOINT ["dlv", "exec", "/app"]\n', Makefile: 'i:\n\tdocker build -t acme/api:debug -f Dockerfile.debug .\n', 'k8s/deploy.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: api\n      image: acme/api:debug\n' },
      { 'compose.yaml': 'services:\n  api:\n    image: golang:1.22\n    working_dir: /app\n    volumes: [".:/app"]\n    command: air\n', '.air.toml': '[build]\n  full_bin = "dlv exec ./tmp/main --headless --listen=:2345"\n' },
    ];
    for (const files of cases) {
      const a = await found(files);
      const b = await found(files, { readEverything: true });
      expect(a.length).toBeGreaterThan(0);
      expect(a).toEqual(b.filter((x) => !x.startsWith('PTD900')));
    }
  });
});


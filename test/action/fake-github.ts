/**
 * A loopback stand-in for the parts of GitHub's REST API the action uses.
 * Like GitHub it paginates with Link headers, answers 422 "Line could not be
 * resolved" (rejecting the whole review) when a review comment's line is not
 * on the new side of the pull request's diff, and 403 "Resource not accessible
 * by integration" to writes when the token is read-only (forks). Every request
 * is checked against GitHub's published OpenAPI description (@octokit/openapi):
 * the endpoint must exist, query parameters must be declared, and JSON bodies
 * must validate — with unknown properties rejected, which the description
 * itself does not do.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Ajv } from 'ajv';
import parseDiff from 'parse-diff';

const require = createRequire(import.meta.url);

interface OpenApiOperation {
  parameters?: ({ $ref: string } | { name: string; in: string })[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema; type?: string | string[] };
interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { parameters: Record<string, { name: string; in: string }> };
}

let spec: OpenApi | undefined;
function loadSpec(): OpenApi {
  spec ??= require('@octokit/openapi/generated/api.github.com.json') as OpenApi;
  return spec;
}

const ajv = new Ajv({ strict: false, allErrors: true });
const validators = new Map<string, ReturnType<Ajv['compile']>>();

/** Properties not declared by the schema (the description allows them; GitHub ignores them; we want to know). */
function unknownProps(value: unknown, schema: Schema | undefined, at: string, out: string[]): void {
  if (!schema || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => unknownProps(v, schema.items, `${at}/${i}`, out));
    return;
  }
  if (!schema.properties) return;
  for (const [k, v] of Object.entries(value)) {
    if (!(k in schema.properties)) out.push(`${at}/${k} is not in the OpenAPI schema`);
    else unknownProps(v, schema.properties[k], `${at}/${k}`, out);
  }
}

/** Validates one request against the OpenAPI description; returns problems (empty when valid). */
export function validateRequest(method: string, url: URL, body: unknown): string[] {
  const s = loadSpec();
  const m = method.toLowerCase();
  const segs = url.pathname.split('/').filter(Boolean);
  let template: string | undefined;
  for (const p of Object.keys(s.paths)) {
    const ts = p.split('/').filter(Boolean);
    if (ts.length !== segs.length || !s.paths[p]![m]) continue;
    if (ts.every((t, i) => (t.startsWith('{') ? /^[^/]+$/.test(segs[i]!) : t === segs[i]))) {
      // Prefer the template with the most literal segments (e.g. pulls/comments/{id} over pulls/{n}/...).
      if (!template || ts.filter((t) => !t.startsWith('{')).length > template.split('/').filter((t) => t && !t.startsWith('{')).length) template = p;
    }
  }
  if (!template) return [`${method} ${url.pathname}: no such operation in the OpenAPI description`];
  const op = s.paths[template]![m]!;
  const problems: string[] = [];
  const params = (op.parameters ?? []).map((p) => ('$ref' in p ? s.components.parameters[p.$ref.split('/').pop()!]! : p));
  const queryNames = new Set(params.filter((p) => p.in === 'query').map((p) => p.name));
  for (const [k, v] of url.searchParams) {
    if (!queryNames.has(k)) problems.push(`${method} ${template}: query parameter ${k} is not declared`);
    if (k === 'per_page' && (!/^\d+$/.test(v) || Number(v) > 100)) problems.push(`${method} ${template}: per_page=${v} (max 100)`);
  }
  const schema = op.requestBody?.content['application/json']?.schema;
  if (schema) {
    const key = `${m} ${template}`;
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(schema);
      validators.set(key, validate);
    }
    if (!validate(body)) problems.push(`${method} ${template}: ${ajv.errorsText(validate.errors)}`);
    const extra: string[] = [];
    unknownProps(body, schema, '', extra);
    problems.push(...extra.map((e) => `${method} ${template}: ${e}`));
  } else if (body !== undefined && m !== 'get' && m !== 'delete') {
    problems.push(`${method} ${template}: unexpected body`);
  }
  return problems;
}

export interface PrFileFixture {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  patch?: string;
}

export interface ReviewCommentRecord {
  id: number;
  path: string;
  line: number | null;
  start_line: number | null;
  side: string;
  body: string;
  in_reply_to_id?: number;
  user: { login: string; type: string };
  commit_id: string;
}

export interface IssueCommentRecord {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface RequestRecord {
  method: string;
  path: string;
  query: string;
  body: unknown;
  authorization: string | undefined;
  status: number;
}

export interface FakeGitHubOptions {
  owner: string;
  repo: string;
  pull: number;
  headSha: string;
  files: PrFileFixture[];
  /** Writes answer 403 "Resource not accessible by integration". */
  readOnly?: boolean;
  /** Per "METHOD /path" (no query): statuses to answer first, e.g. [502]. */
  failFirst?: Record<string, { status: number; headers?: Record<string, string> }[]>;
}

function newSideLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (patch === undefined) return lines;
  for (const f of parseDiff(patch)) {
    for (const c of f.chunks) {
      for (const ch of c.changes) {
        if (ch.content.startsWith('\\')) continue;
        if (ch.type === 'add') lines.add(ch.ln);
        else if (ch.type === 'normal') lines.add(ch.ln2);
      }
    }
  }
  return lines;
}

export class FakeGitHub {
  readonly requests: RequestRecord[] = [];
  /** OpenAPI problems and protocol mistakes seen (a test asserts this is empty). */
  readonly problems: string[] = [];
  readonly reviews: { id: number; body: string; event: string; commit_id: string; comments: number }[] = [];
  reviewComments: ReviewCommentRecord[] = [];
  issueComments: IssueCommentRecord[] = [];
  private nextId = 1000;
  private server: Server | undefined;
  url = '';

  constructor(public opts: FakeGitHubOptions) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((err: unknown) => {
        this.problems.push(`server error: ${String(err)}`);
        this.send(res, 500, { message: 'fake server error' });
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }

  private send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(data === undefined ? '' : JSON.stringify(data));
  }

  private paginate<T>(res: ServerResponse, url: URL, items: T[], record: RequestRecord): void {
    record.status = 200;
    const perPage = Number(url.searchParams.get('per_page') ?? '30');
    const page = Number(url.searchParams.get('page') ?? '1');
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    this.send(res, 200, slice, headers);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        this.problems.push(`${req.method} ${url.pathname}: body is not JSON`);
      }
    }
    const method = req.method ?? 'GET';
    const record: RequestRecord = { method, path: url.pathname, query: url.search, body, authorization: req.headers.authorization, status: 0 };
    this.requests.push(record);
    const reply = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      this.send(res, status, data, headers);
    };
    this.problems.push(...validateRequest(method, url, body));

    const key = `${method} ${url.pathname}`;
    const fail = this.opts.failFirst?.[key]?.shift();
    if (fail) return reply(fail.status, { message: fail.status === 429 || fail.status === 403 ? 'API rate limit exceeded' : 'Server Error' }, fail.headers ?? {});

    const { owner, repo, pull } = this.opts;
    const base = `/repos/${owner}/${repo}`;
    const isWrite = method !== 'GET';
    if (isWrite && this.opts.readOnly) {
      return reply(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });
    }
    const bot = { login: 'github-actions[bot]', type: 'Bot' };

    if (method === 'GET' && url.pathname === `${base}/pulls/${pull}/files`) {
      return this.paginate(
        res,
        url,
        this.opts.files.map((f, i) => ({ sha: `blob${i}`, filename: f.filename, status: f.status, additions: 0, deletions: 0, changes: 0, blob_url: '', raw_url: '', contents_url: '', ...(f.patch !== undefined ? { patch: f.patch } : {}) })),
        record,
      );
    }
    if (method === 'GET' && url.pathname === `${base}/pulls/${pull}/comments`) return this.paginate(res, url, this.reviewComments, record);
    if (method === 'POST' && url.pathname === `${base}/pulls/${pull}/reviews`) {
      const b = body as { commit_id?: string; event?: string; body?: string; comments?: { path: string; line?: number; start_line?: number; side?: string; start_side?: string; body: string }[] };
      if (b.event !== 'COMMENT') this.problems.push(`review event ${b.event} (expected COMMENT)`);
      if (b.commit_id !== this.opts.headSha) this.problems.push(`review commit_id ${b.commit_id} is not the head sha`);
      for (const c of b.comments ?? []) {
        if (c.body.length > 65536) return reply(422, { message: 'Validation Failed', errors: ['Body is too long (maximum is 65536 characters)'] });
        const file = this.opts.files.find((f) => f.filename === c.path);
        const lines = newSideLines(file?.patch);
        const all = c.start_line !== undefined ? Array.from({ length: (c.line ?? 0) - c.start_line + 1 }, (_, i) => c.start_line! + i) : [c.line ?? -1];
        if (c.side !== 'RIGHT' || (c.start_line !== undefined && c.start_side !== 'RIGHT') || !file || all.some((l) => !lines.has(l))) {
          return reply(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'], documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request', status: '422' });
        }
      }
      const id = this.nextId++;
      this.reviews.push({ id, body: b.body ?? '', event: b.event ?? '', commit_id: b.commit_id ?? '', comments: b.comments?.length ?? 0 });
      for (const c of b.comments ?? []) {
        this.reviewComments.push({ id: this.nextId++, path: c.path, line: c.line ?? null, start_line: c.start_line ?? null, side: 'RIGHT', body: c.body, user: bot, commit_id: b.commit_id ?? '' });
      }
      return reply(200, { id, body: b.body, state: 'COMMENTED', commit_id: b.commit_id, user: bot });
    }
    const delMatch = new RegExp(`^${base}/pulls/comments/(\\d+)$`).exec(url.pathname);
    if (method === 'DELETE' && delMatch) {
      const id = Number(delMatch[1]);
      const before = this.reviewComments.length;
      this.reviewComments = this.reviewComments.filter((c) => c.id !== id);
      if (before === this.reviewComments.length) return reply(404, { message: 'Not Found' });
      record.status = 204;
      res.writeHead(204);
      res.end();
      return;
    }
    if (method === 'GET' && url.pathname === `${base}/issues/${pull}/comments`) return this.paginate(res, url, this.issueComments, record);
    if (method === 'POST' && url.pathname === `${base}/issues/${pull}/comments`) {
      const c = { id: this.nextId++, body: (body as { body: string }).body, user: bot };
      if (c.body.length > 65536) return reply(422, { message: 'Validation Failed', errors: ['Body is too long'] });
      this.issueComments.push(c);
      return reply(201, c);
    }
    const patchMatch = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(url.pathname);
    if (method === 'PATCH' && patchMatch) {
      const c = this.issueComments.find((x) => x.id === Number(patchMatch[1]));
      if (!c) return reply(404, { message: 'Not Found' });
      c.body = (body as { body: string }).body;
      return reply(200, c);
    }
    this.problems.push(`unexpected request ${method} ${url.pathname}`);
    return reply(404, { message: 'Not Found' });
  }
}

import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, PlatformErrors, errorSpec, type ErrorKind, type FieldError, type Locale } from '../errors.js';

const STATUS: Record<ErrorKind, number> = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  too_large: 413,
  unsupported_media: 415,
};

const TITLE: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict',
  410: 'Gone', 413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}

export function localeOf(req: FastifyRequest): Locale {
  const header: string = req.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en-US';
}

const zhLocale = z.locales.zhCN();
const enLocale = z.locales.en();

type ValidationItem = { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> };

/** The schemas' own messages (refinements, patterns), which zod's locales do not know, in Chinese. */
const CUSTOM_MESSAGES_ZH: Record<string, string> = {
  'at most three decimals': '最多保留三位小数',
  'quantity or selected': '需要数量或选中状态',
  '4–40 letters, digits or dashes': '4–40 位字母、数字或短横线',
  'unknown parameter': '未知参数',
  'expected one comma-separated value': '应为一个以逗号分隔的值',
  'expected a number': '应为数字',
  'at most 100 ids': '最多 100 个 ID',
  'comma-separated uuids': '应为以逗号分隔的 UUID',
  'digits, optionally with a leading +': '只能填数字,可以 + 开头',
  'digits only, 8 to 30': '只能填 8–30 位数字',
};

const textOf = (out: ReturnType<typeof enLocale.localeError>): string | undefined => (typeof out === 'string' ? out : out?.message);

/**
 * The issue in the asker's language. Zod drops the input from an issue once its message is made, so the value is read
 * back from the request: without it the locales say "received undefined" whatever was sent.
 */
function localizedIssue(item: ValidationItem, locale: Locale, input: unknown): string {
  const issue = { ...item.params, code: item.keyword, path: [], input } as unknown as Parameters<typeof zhLocale.localeError>[0];
  const standard = textOf(enLocale.localeError(issue));
  // A message zod's English locale would not have written is the schema's own (a pattern's meaning, a refinement).
  // Not judged for invalid_type, whose wording depends on the input as coerced, which the request no longer shows.
  const own = item.message !== undefined && (item.keyword === 'custom' || item.message in CUSTOM_MESSAGES_ZH || (item.keyword !== 'invalid_type' && item.message !== standard));
  if (own) return locale === 'zh-CN' ? (CUSTOM_MESSAGES_ZH[item.message!] ?? item.message!) : item.message!;
  return (locale === 'zh-CN' ? textOf(zhLocale.localeError(issue)) : standard) ?? item.message ?? item.keyword;
}

function valueAt(root: unknown, instancePath: string): unknown {
  let at = root;
  for (const key of instancePath.split('/').filter(Boolean)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

export function problemFor(code: string, status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `urn:tongshang:problem:${code.toLowerCase().replace(/_/g, '-')}`, title: TITLE[status] ?? 'Error', status, code, detail, ...extra };
}

function domainProblem(err: DomainError, locale: Locale): Problem {
  const status = err.code === PlatformErrors.VALIDATION_FAILED || err.code === PlatformErrors.MALFORMED_JSON ? 400 : STATUS[err.kind];
  return problemFor(err.code, status, err.detail(locale), err.fieldErrors.length ? { errors: err.fieldErrors } : {});
}

function platformProblem(code: string, locale: Locale, status: number, extra: Partial<Problem> = {}): Problem {
  const spec = errorSpec(code);
  return problemFor(code, status, spec ? (locale === 'zh-CN' ? spec.zh : spec.en) : code, extra);
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(problem.status).headers(headers).type('application/problem+json; charset=utf-8').send(problem);
}

/** The one place where errors become HTTP: domain errors by kind, framework errors by their cause, the rest 500. */
export function handleError(error: FastifyError | DomainError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = localeOf(req);
  if (error instanceof DomainError) {
    const headers: Record<string, string> = error.retryAfter !== undefined ? { 'retry-after': String(error.retryAfter) } : {};
    return sendProblem(reply, domainProblem(error, locale), headers);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const sent: unknown = { body: req.body, querystring: req.query, params: req.params, headers: req.headers }[where];
    const errors = (error.validation as unknown as ValidationItem[]).map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: localizedIssue(v, locale, valueAt(sent, v.instancePath)),
    }));
    return sendProblem(reply, platformProblem(PlatformErrors.VALIDATION_FAILED, locale, 400, { errors }));
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendProblem(reply, platformProblem(PlatformErrors.MALFORMED_JSON, locale, 400));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return sendProblem(reply, platformProblem(PlatformErrors.BODY_TOO_LARGE, locale, 413));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return sendProblem(reply, platformProblem(PlatformErrors.UNSUPPORTED_MEDIA_TYPE, locale, 415));
    default:
      break;
  }
  if (error instanceof SyntaxError || (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)) {
    const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 400;
    return sendProblem(reply, problemFor(fe.code ?? 'BAD_REQUEST', status, fe.message));
  }
  req.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    reply,
    problemFor('INTERNAL', 500, locale === 'zh-CN' ? '服务器内部错误,请稍后重试。' : 'Something went wrong on our side; please try again.', {
      instance: req.id,
    }),
  );
}

export function platformNotFound(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, platformProblem(PlatformErrors.NOT_FOUND, localeOf(req), 404, { instance: req.url.split('?')[0] }));
}

/**
 * Requests Node refuses before Fastify sees them (headers or URL over the limit, a malformed request line, a timeout)
 * get a problem too. Nothing of the request was read, not even its language, so the detail is in English.
 */
export function clientErrorProblem(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const problem =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? problemFor('HEADERS_TOO_LARGE', 431, 'The request line or headers are too large (the limit is 16 KB); shorten the URL or the headers.')
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problemFor('REQUEST_TIMEOUT', 408, 'The request took too long to arrive.')
        : problemFor('MALFORMED_REQUEST', 400, 'The request is not valid HTTP.');
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

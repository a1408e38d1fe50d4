/**
 * Domain errors: services throw these with a stable code; the HTTP layer (http/problem.ts) is the
 * only place that turns a kind into a status. Each module declares its codes with defineErrors,
 * with the detail text in both languages.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'rate_limited'
  | 'too_large'
  | 'unsupported_media';

export type Locale = 'zh-CN' | 'en-US';

export interface ErrorSpec {
  kind: ErrorKind;
  en: string;
  zh: string;
}

const catalog = new Map<string, ErrorSpec>();

export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): { [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, spec] of Object.entries(specs)) {
    // Codes are global (one problem mapper); a second module reusing one would silently replace the first one's text.
    const known = catalog.get(code);
    if (known && (known.en !== spec.en || known.kind !== spec.kind)) throw new Error(`Error code ${code} is defined twice with different meanings; prefix it with the module's name`);
    catalog.set(code, spec);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

export function errorSpec(code: string): ErrorSpec | undefined {
  return catalog.get(code);
}

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly kind: ErrorKind;
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
    /** Seconds, for rate_limited. */
    readonly retryAfter?: number,
  ) {
    const spec = catalog.get(code);
    super(spec ? format(spec.en, params) : code);
    this.kind = spec?.kind ?? 'invalid';
  }

  detail(locale: Locale): string {
    const spec = catalog.get(this.code);
    if (!spec) return this.message;
    return format(locale === 'zh-CN' ? spec.zh : spec.en, this.params);
  }
}

function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export const PlatformErrors = defineErrors({
  VALIDATION_FAILED: { kind: 'invalid', en: 'The request is not valid.', zh: '请求内容不合法。' },
  MALFORMED_JSON: { kind: 'invalid', en: 'The request body is not valid JSON.', zh: '请求体不是合法的 JSON。' },
  BODY_TOO_LARGE: { kind: 'too_large', en: 'The request body is too large.', zh: '请求体过大。' },
  UNSUPPORTED_MEDIA_TYPE: { kind: 'unsupported_media', en: 'This content type is not accepted here.', zh: '不支持该内容类型。' },
  NOT_FOUND: { kind: 'not_found', en: 'Nothing exists at this address.', zh: '该地址不存在。' },
  AUTH_REQUIRED: { kind: 'unauthenticated', en: 'Please sign in first.', zh: '请先登录。' },
  CSRF_TOKEN_INVALID: { kind: 'forbidden', en: 'The CSRF token is missing or wrong; reload the page and try again.', zh: 'CSRF 令牌缺失或错误,请刷新页面后重试。' },
  FORBIDDEN: { kind: 'forbidden', en: 'You are not allowed to do this.', zh: '您没有权限执行此操作。' },
  OPERATOR_ONLY: { kind: 'forbidden', en: 'Only platform operators can do this.', zh: '仅平台运营人员可以执行此操作。' },
  RATE_LIMITED: { kind: 'rate_limited', en: 'Too many requests; try again in {seconds} seconds.', zh: '请求过于频繁,请在 {seconds} 秒后重试。' },
  FILE_TOO_LARGE: { kind: 'too_large', en: 'The file is larger than {limit}.', zh: '文件大小超过 {limit}。' },
  FILE_TYPE_NOT_ALLOWED: { kind: 'unsupported_media', en: 'Only {allowed} files are accepted; this file is not one.', zh: '仅接受 {allowed} 文件,该文件不符合。' },
  FILE_MISSING: { kind: 'invalid', en: 'No file was sent.', zh: '未收到文件。' },
  INVALID_CURSOR: { kind: 'invalid', en: 'The pagination cursor is not valid.', zh: '分页游标无效。' },
});

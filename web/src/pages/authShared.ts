/** Only allow in-app paths as a post-login destination. */
export function safeNext(next: string | null, fallback = '/'): string {
  if (next && next.startsWith('/') && !next.startsWith('//')) return next;
  return fallback;
}

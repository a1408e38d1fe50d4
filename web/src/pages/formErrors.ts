import type { FormInstance } from 'antd';
import type { ProblemError } from '../api.js';

/** Put the server's per-field messages on the matching form fields; returns true if there were any. */
export function applyFieldErrors<T>(form: FormInstance<T>, err: ProblemError): boolean {
  const merged = new Map<string, string[]>();
  for (const [path, errors] of Object.entries(err.fieldErrors())) {
    const name = path.split('.')[0] ?? path;
    merged.set(name, [...(merged.get(name) ?? []), ...errors]);
  }
  if (merged.size === 0) return false;
  form.setFields([...merged].map(([name, errors]) => ({ name: name as never, errors })));
  return true;
}

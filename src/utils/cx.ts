/** Joins class names, skipping falsy parts: `cx('ck-Row', selected && 'is-on', className)`. */
export function cx(...parts: Array<string | false | null | undefined>): string {
  let out = '';
  for (const part of parts) if (part) out = out ? `${out} ${part}` : part;
  return out;
}

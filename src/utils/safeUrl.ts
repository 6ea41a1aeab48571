/**
 * The URL when it is safe to put in an `<img src>`: `http:`, `https:`, `blob:` or a `data:image/`
 * URL (issue 4, Safety). Anything else (`javascript:`, `data:text/html`, relative junk, non-strings)
 * gives `undefined`, and the caller shows initials instead.
 */
export function safeImageUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  // Browsers strip leading/trailing C0 controls and spaces, and ignore tabs/newlines inside the
  // scheme ("java\tscript:"): normalise the same way before looking at the scheme.
  const trimmed = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const probe = trimmed.replace(/[\t\n\r]/g, '').toLowerCase();
  if (/^(https?:|blob:)/.test(probe) || /^data:image\//.test(probe)) {
    // data:image/svg+xml is fine inside <img>: scripts never run there.
    return trimmed;
  }
  return undefined;
}

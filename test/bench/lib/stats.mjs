export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Median of every numeric field (recursively) across runs; other fields from the first run. */
export function medianOf(runs) {
  const ok = runs.filter((r) => r !== null && r !== undefined);
  if (!ok.length) return null;
  const first = ok[0];
  if (typeof first === 'number') return median(ok);
  if (Array.isArray(first) || typeof first !== 'object') return first;
  const out = {};
  for (const key of Object.keys(first)) out[key] = medianOf(ok.map((r) => r[key]));
  return out;
}

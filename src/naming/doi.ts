/**
 * A DOI that only holds the place of one MAST has not assigned yet: `10.17909/xxxx-xxxx` as
 * `hlsp-validate init` used to write, and the like (`XXXX`, `TBD`, `0000-0000`).
 */
export function isPlaceholderDoi(doi: string): boolean {
  const suffix = doi.trim().replace(/^10\.17909\//i, '');
  return /^(x+|tbd|todo|0+)([-.]?(x+|tbd|0+))*$/i.test(suffix);
}

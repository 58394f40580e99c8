/** The names of a batch's per-clip output files: the clip's name without its extension, made unique. */
import { basename, extname } from 'node:path';

/**
 * One stem per file, in order: "squat.mp4" -> "squat". Two clips of the same
 * name (from different folders) get "squat" and "squat-2", so no output
 * overwrites another.
 */
export function outputStems(files: readonly string[]): string[] {
  const used = new Set<string>();
  return files.map((file) => {
    const name = basename(file);
    const base = name.slice(0, name.length - extname(name).length) || name;
    let stem = base;
    for (let n = 2; used.has(stem); n++) stem = `${base}-${n}`;
    used.add(stem);
    return stem;
  });
}

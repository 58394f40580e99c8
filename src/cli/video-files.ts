/** The video files of a batch: the files given, and the videos in the folders given (with their subfolders). */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** what a folder is searched for; other files there (photos, tracks, notes) are left alone */
export const VIDEO_EXTENSIONS = ['mp4', 'mov', 'm4v', 'webm', 'mkv', 'avi'] as const;

export function isVideoFileName(name: string): boolean {
  const ext = extname(name).slice(1).toLowerCase();
  return (VIDEO_EXTENSIONS as readonly string[]).includes(ext);
}

/**
 * The video files under `folder`, sorted by path. Hidden entries (".name")
 * are skipped, and links to folders are not followed (no loops).
 */
export function videoFilesIn(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if ((entry.isFile() || entry.isSymbolicLink()) && isVideoFileName(entry.name)) found.push(path);
    }
  };
  walk(folder);
  return found;
}

export interface ExpandedInputs {
  /** files to analyse, in the order given (a folder's files in path order); a path named twice once */
  readonly files: readonly string[];
  /** folders given that hold no video file */
  readonly emptyFolders: readonly string[];
}

/**
 * Files and folders -> the files to analyse. A file given by name is taken
 * whatever its extension (a track .json, a clip with an odd extension) and
 * even when missing: the run then names it as failed, with the others done.
 */
export function expandInputs(inputs: readonly string[]): ExpandedInputs {
  const files: string[] = [];
  const emptyFolders: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const isFolder = statSync(input, { throwIfNoEntry: false })?.isDirectory() ?? false;
    const found = isFolder ? videoFilesIn(input) : [input];
    if (isFolder && found.length === 0) emptyFolders.push(input);
    for (const file of found) {
      const key = resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return { files, emptyFolders };
}

import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs, isVideoFileName, videoFilesIn } from './video-files.ts';

/** a folder of empty files at the given relative paths */
function folderWith(paths: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'formcoach-video-files-'));
  for (const path of paths) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
  }
  return root;
}

describe('isVideoFileName', () => {
  it.each(['a.mp4', 'b.MOV', 'c.m4v', 'd.webm', 'e.mkv', 'f.avi'])('takes %s for a video', (name) => {
    expect(isVideoFileName(name)).toBe(true);
  });

  it.each(['photo.jpg', 'track.json', 'notes.txt', 'mp4', 'clip.mp4.part'])('leaves %s alone', (name) => {
    expect(isVideoFileName(name)).toBe(false);
  });
});

describe('videoFilesIn', () => {
  it('finds the videos in a folder and its subfolders, in path order, and nothing else', () => {
    const root = folderWith(['b.mp4', 'a/z.mov', 'a/y.jpg', 'a/deeper/x.webm', 'labels.json', 'c.MP4']);
    expect(videoFilesIn(root).map((p) => p.slice(root.length + 1))).toEqual(['a/deeper/x.webm', 'a/z.mov', 'b.mp4', 'c.MP4']);
  });

  it('skips hidden files and folders', () => {
    const root = folderWith(['.cache/old.mp4', '.partial.mp4', 'kept.mp4']);
    expect(videoFilesIn(root).map((p) => p.slice(root.length + 1))).toEqual(['kept.mp4']);
  });
});

describe('expandInputs', () => {
  it('keeps files in the order given and puts each folder\'s videos in its place', () => {
    const root = folderWith(['one.mp4', 'clips/b.mp4', 'clips/a.mp4', 'track.json']);
    const { files, emptyFolders } = expandInputs([join(root, 'track.json'), join(root, 'clips'), join(root, 'one.mp4')]);
    expect(files).toEqual([join(root, 'track.json'), join(root, 'clips/a.mp4'), join(root, 'clips/b.mp4'), join(root, 'one.mp4')]);
    expect(emptyFolders).toEqual([]);
  });

  it('takes a file named twice (directly and through its folder) once', () => {
    const root = folderWith(['clips/a.mp4']);
    expect(expandInputs([join(root, 'clips/a.mp4'), join(root, 'clips'), `${root}/clips/../clips/a.mp4`]).files).toEqual([join(root, 'clips/a.mp4')]);
  });

  it('keeps a missing file, for the run to name as failed', () => {
    const root = folderWith([]);
    expect(expandInputs([join(root, 'gone.mp4')]).files).toEqual([join(root, 'gone.mp4')]);
  });

  it('names a folder without videos', () => {
    const root = folderWith(['photos/a.jpg']);
    expect(expandInputs([join(root, 'photos')])).toEqual({ files: [], emptyFolders: [join(root, 'photos')] });
  });
});

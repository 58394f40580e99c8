/** Saves a value as a JSON file through the browser's download, without leaving the page. */
export function downloadJson(value: unknown, fileName: string): void {
  downloadBlob(new Blob([JSON.stringify(value)], { type: 'application/json' }), fileName);
}

/** Saves a Blob (a recording, an export) through the browser's download, without leaving the page. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // the download has read the URL by then; a large file may take longer to start saving, so wait generously
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

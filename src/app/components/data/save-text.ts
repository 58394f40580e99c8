/** Saves text as a file through the browser's download, without leaving the page. */
export function saveText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // the download has taken the blob by the next tasks; free it then
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

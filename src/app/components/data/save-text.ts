import { downloadBlob } from '../../download.ts';

/** Saves text as a file through the browser's download, without leaving the page. */
export function saveText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

import { saveBlob } from '../../live/saveFile.js';

/** Hands text to the browser as a file download (the export of one's own notes: made on the device, no server). */
export function downloadText(fileName: string, text: string, type: string): void {
  saveBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** A file the API made (an export), saved through the browser's download: the same in Electron and browser mode. */
export interface ApiFile {
  filename: string;
  mime: string;
  encoding: 'utf8' | 'base64';
  data: string;
}

export function saveFile(file: ApiFile): void {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0)) : file.data;
  const url = URL.createObjectURL(new Blob([body], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  URL.revokeObjectURL(url);
}

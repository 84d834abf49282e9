/** Saves text as a file through the browser's download, without a server round trip. */
export function downloadText(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the download has started from the object URL by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

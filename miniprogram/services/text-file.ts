/**
 * A text file (a GeoJSON map, a CSV ledger) sent in a chat, read as UTF-8: WeChat has no other document
 * picker. Null when the person backs out or picks a file of another kind.
 */
export interface TextFile {
  name: string;
  text: string;
}

export function chooseTextFile(extensions: string[]): Promise<TextFile | null> {
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: extensions,
      success: (res) => {
        const file = res.tempFiles[0];
        const ext = file?.name.split('.').pop()?.toLowerCase() ?? '';
        // The extension filter works only on some clients: checked again here.
        if (!file || !extensions.includes(ext)) return resolve(null);
        wx.getFileSystemManager().readFile({
          filePath: file.path,
          encoding: 'utf8',
          success: (read) => resolve({ name: file.name, text: read.data as string }),
          fail: () => resolve(null),
        });
      },
      fail: () => resolve(null),
    });
  });
}

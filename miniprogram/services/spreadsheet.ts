/** Opening an exported Excel file (台账, coverage, figures, work log): download its link, then WeChat's viewer. */
export function openSpreadsheet(url: string): void {
  wx.downloadFile({
    url,
    success: (res) => wx.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true }),
    fail: () => wx.showToast({ title: '下载失败，请重试', icon: 'none' }),
  });
}

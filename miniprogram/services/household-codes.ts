/** Staff's household codes 住户码: one function per action, and opening the printable sheet. */
import type { CodeBuildingView, HouseholdCodeView } from '../../typings/user';
import { callApi } from './api';
import { displayUrl } from './files';

export function householdBuildings(communityId: string): Promise<CodeBuildingView[]> {
  return callApi('user', 'householdBuildings', { communityId });
}

export async function householdCodes(communityId: string, buildingId: string): Promise<HouseholdCodeView[]> {
  return (await callApi('user', 'householdCodes', { communityId, buildingId })).codes;
}

/** New codes for every household of the building: the old ones stop working. */
export async function issueBuildingCodes(
  communityId: string,
  buildingId: string,
): Promise<HouseholdCodeView[]> {
  return (await callApi('user', 'issueHouseholdCodes', { communityId, buildingId })).codes;
}

export function revokeHouseholdCode(communityId: string, codeId: string): Promise<HouseholdCodeView> {
  return callApi('user', 'revokeHouseholdCode', { communityId, codeId });
}

/** Builds the building's PDF sheet and opens it in WeChat's document viewer (to print or forward). */
export async function openCodeSheet(communityId: string, buildingId: string): Promise<string> {
  const sheet = await callApi('user', 'householdCodeSheet', { communityId, buildingId });
  const filePath = sheet.fileId.startsWith('cloud://')
    ? (await wx.cloud.downloadFile({ fileID: sheet.fileId })).tempFilePath
    : await new Promise<string>((resolve, reject) =>
        wx.downloadFile({
          url: displayUrl(sheet.fileId),
          success: (res) =>
            res.statusCode === 200 ? resolve(res.tempFilePath) : reject(new Error('下载失败')),
          fail: () => reject(new Error('下载失败，请重试')),
        }),
      );
  wx.openDocument({ filePath, fileType: 'pdf', showMenu: true });
  return sheet.fileName;
}

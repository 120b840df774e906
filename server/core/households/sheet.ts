/** The printable sheet of a building's household codes: one cell per household, its code and its address. */
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { liveCodes } from './codes';

type SheetDeps = Pick<Deps, 'store' | 'clock' | 'secrets' | 'files' | 'miniProgramCodes' | 'codeSheets'>;

export async function householdCodeSheet(
  deps: SheetDeps,
  caller: Caller,
  input: { communityId: string; buildingId: string },
): Promise<{ fileId: string; fileName: string; households: number }> {
  const codes = await liveCodes(deps, caller, input, true);
  if (codes.length === 0)
    throw new AppError('HOUSEHOLD.NOT_FOUND', { message: '该楼栋台账中没有住户，请先导入住户台账' });
  const building = await deps.store.get('buildings', input.buildingId);
  const estate = building ? await deps.store.get('estates', building.estateId) : null;
  const place = [estate?.name, building?.name].filter(Boolean).join(' ');
  const cells = [];
  for (const { view } of codes)
    cells.push({ image: await deps.files.read(view.imageFileId), caption: view.address });
  const pdf = await deps.codeSheets.render({
    title: `${place} 住户码`,
    subtitle: '请用微信扫描本户的住户码，绑定后即可随手拍、查看社区通知。住户码仅限本户使用，请勿外传。',
    cells,
  });
  const fileName = `${place.replace(/\s+/g, '')}住户码.pdf`;
  const fileId = await deps.files.put(
    `exports/${input.communityId}/${deps.clock.now().getTime()}-household-codes-${input.buildingId}.pdf`,
    pdf,
    'application/pdf',
  );
  return { fileId, fileName, households: codes.length };
}

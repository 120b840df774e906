/** Staff write checklist templates: items answered pass / fail / n.a., each naming the category a failure raises. */
import type { FieldActions, InspectionTemplateView } from '../../../typings/field';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { requireStaffOf } from '../field/access';
import type { InspectionTemplate } from './model';

type SaveInput = FieldActions['saveTemplate']['req'];

export function templateView(t: InspectionTemplate): InspectionTemplateView {
  return { templateId: t._id, communityId: t.communityId, name: t.name, items: t.items, version: t.version };
}

/** Creates a template, or replaces the items of one (tasks already due keep answering by item key). */
export async function saveTemplate(
  deps: Deps,
  caller: Caller,
  input: SaveInput,
): Promise<InspectionTemplateView> {
  const user = await loadActor(deps.store, caller);
  requireStaffOf(user, input.communityId);
  const keys = input.items.map((i) => i.key);
  if (keys.length === 0 || new Set(keys).size !== keys.length) throw new AppError('FIELD.TEMPLATE_INVALID');
  const at = toIso(deps.clock.now());
  if (input.templateId) {
    const prior = await deps.store.get('inspectionTemplates', input.templateId);
    if (!prior || prior.communityId !== input.communityId) throw new AppError('FIELD.NOT_FOUND');
    const next = {
      ...prior,
      name: input.name.trim(),
      items: input.items,
      updatedAt: at,
      version: prior.version + 1,
    };
    if (!(await deps.store.update('inspectionTemplates', prior._id, next, { ifVersion: prior.version })))
      throw new AppError('STORE.CONFLICT');
    return templateView(next);
  }
  const template: InspectionTemplate = {
    _id: deps.ids.next('itp'),
    communityId: input.communityId,
    name: input.name.trim(),
    items: input.items,
    createdBy: user._id,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await deps.store.insert('inspectionTemplates', template);
  return templateView(template);
}

export async function listTemplates(
  deps: Deps,
  caller: Caller,
  communityId: string,
): Promise<{ items: InspectionTemplateView[] }> {
  const user = await loadActor(deps.store, caller);
  requireStaffOf(user, communityId);
  const items = await deps.store.find('inspectionTemplates', {
    where: { communityId },
    orderBy: [['createdAt', 'asc']],
    limit: 100,
  });
  return { items: items.map(templateView) };
}

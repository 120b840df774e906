/** Field work's calls (排查, 走访, 工作日志): one function per action of the `field` cloud function. */
import type {
  CareCadence,
  CareGroupView,
  CareService,
  DueList,
  ExportedFile,
  InspectionAnswer,
  InspectionResult,
  InspectionTaskView,
  InspectionTemplateView,
  MicroGridProgress,
  NoticeHouseholdTag,
  TemplateItem,
  VisitOutcome,
  Worklog,
  WorklogEntry,
} from '../../typings/field';
import { callApi } from './api';

export function dueList(): Promise<DueList> {
  return callApi('field', 'due', {});
}

export function inspectionTask(taskId: string): Promise<InspectionTaskView> {
  return callApi('field', 'inspectionTask', { taskId });
}

export function submitInspection(
  taskId: string,
  clientRequestId: string,
  answers: InspectionAnswer[],
): Promise<InspectionResult> {
  return callApi('field', 'submitInspection', { taskId, clientRequestId, answers });
}

export function recordCareVisit(input: {
  dueId: string;
  clientRequestId: string;
  outcome: VisitOutcome;
  services: CareService[];
  note: string;
  photos: string[];
}): ReturnType<typeof callApi<'field', 'recordCareVisit'>> {
  return callApi('field', 'recordCareVisit', input);
}

export function worklog(month: string, userId?: string): Promise<Worklog> {
  return callApi('field', 'worklog', { month, ...(userId ? { userId } : {}) });
}

export function addWorklogNote(date: string, text: string, clientRequestId: string): Promise<WorklogEntry> {
  return callApi('field', 'addWorklogNote', { date, text, clientRequestId });
}

export function exportWorklog(userId: string, month: string): Promise<ExportedFile> {
  return callApi('field', 'exportWorklog', { userId, month });
}

export async function templates(communityId: string): Promise<InspectionTemplateView[]> {
  return (await callApi('field', 'templates', { communityId })).items;
}

export function saveTemplate(
  communityId: string,
  name: string,
  items: TemplateItem[],
): Promise<InspectionTemplateView> {
  return callApi('field', 'saveTemplate', { communityId, name, items });
}

export function planMonthly(
  communityId: string,
  templateId: string,
  microGridIds: string[],
): Promise<{ planId: string; tasks: number }> {
  return callApi('field', 'planInspection', {
    communityId,
    templateId,
    microGridIds,
    buildingIds: [],
    cadence: { kind: 'monthly' },
  });
}

export async function careGroups(communityId: string): Promise<CareGroupView[]> {
  return (await callApi('field', 'careGroups', { communityId })).items;
}

export function saveCareGroup(
  communityId: string,
  name: string,
  tags: NoticeHouseholdTag[],
  cadence: CareCadence,
): Promise<CareGroupView> {
  return callApi('field', 'saveCareGroup', { communityId, name, tags, cadence });
}

export function progress(communityId: string): Promise<{ month: string; items: MicroGridProgress[] }> {
  return callApi('field', 'progress', { communityId });
}

export function exportProgress(communityId: string): Promise<ExportedFile> {
  return callApi('field', 'exportProgress', { communityId });
}

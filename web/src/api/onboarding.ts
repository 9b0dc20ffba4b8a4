import { ZOnboardingChecklistSchema, ZWorkspaceSchema, type TOnboardingChecklist, type TWorkspace } from '@domain/onboarding';
import { apiClient } from './client';

export function fetchOnboardingChecklist(): Promise<TOnboardingChecklist> {
  return apiClient.get('/onboarding/checklist', ZOnboardingChecklistSchema);
}

export function fetchWorkspace(): Promise<TWorkspace> {
  return apiClient.get('/workspace', ZWorkspaceSchema);
}

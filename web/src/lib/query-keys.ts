/**
 * Every cached read of the web app, by key. A key names what the data is, so a change (a local
 * mutation or a realtime event) invalidates exactly the reads that show it, wherever they are mounted.
 */
export const queryKeys = {
  labels: ['labels'] as const,
  cannedResponses: ['canned-responses'] as const,
  knowledgeDocuments: ['knowledge-documents'] as const,
  whatsappAccounts: ['whatsapp-accounts'] as const,
  invitation: (token: string) => ['invitation', token] as const,
  aiSettings: ['ai-settings'] as const,
  teamMembers: ['team-members'] as const,
  assignableMembers: ['team-members', 'assignable'] as const,
  templates: (phoneNumberId: string) => ['templates', phoneNumberId] as const,
  conversationCounts: ['conversation-counts'] as const,
  notes: (conversationId: string) => ['conversations', conversationId, 'notes'] as const,
  sandboxInfo: ['sandbox-info'] as const,
  onboardingChecklist: ['onboarding-checklist'] as const,
  workspace: ['workspace'] as const,
  /** `sentAfter` changes with every new code, so a resend reads the new one. */
  sandboxOtp: (phone: string, sentAfter: string) => ['sandbox-otp', phone, sentAfter] as const,
  sandboxOutbox: (to: string) => ['sandbox-outbox', to] as const,
  billing: ['billing'] as const,
  billingPart: (part: 'plans' | 'subscription' | 'usage' | 'payments' | 'invoices') => ['billing', part] as const,
};

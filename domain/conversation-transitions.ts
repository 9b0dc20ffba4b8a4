import type { ConversationCommand, TConversationMode, TConversationStatus } from './inbox';

/** The conversation fields a command sets; what it leaves out stays as it is. */
export interface ConversationChange {
  status?: TConversationStatus;
  /** Commands give a conversation to the AI or to people, never to an automation. */
  mode?: Exclude<TConversationMode, 'automation'>;
  aiReplyCount?: number;
  handoffReason?: string | null;
  assignedTo?: string | null;
  unread?: number;
}

/**
 * One table of what each inbox command does, applied by the conversation actor to its memory (at once,
 * so a takeover locks the AI even for an answer in flight) and by its activity to the row.
 */
export function conversationChange(command: ConversationCommand): ConversationChange {
  switch (command.type) {
    case 'takeover':
      return { mode: 'agent', status: 'open', assignedTo: command.userId, handoffReason: null };
    case 'release':
      // Given back to the AI with a fresh allowance of replies (the cap counts since the last release).
      return { mode: 'ai', status: 'open', handoffReason: null, aiReplyCount: 0 };
    case 'handoff':
      return { mode: 'agent', status: 'pending', handoffReason: command.reason };
    case 'assign':
      return { assignedTo: command.userId };
    case 'resolve':
      return { status: 'resolved', unread: 0 };
    case 'reopen':
      return { status: 'open' };
    case 'markRead':
      return { unread: 0 };
    case 'addNote':
    case 'addLabel':
    case 'removeLabel':
      return {};
  }
}

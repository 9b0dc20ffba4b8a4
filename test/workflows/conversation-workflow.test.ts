import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { optOutConfirmation } from '../../domain/opt-out';
import { createWorkflowTestEnv } from '../support/workflow-env';
import { runConversation, UNDELIVERABLE, type ConversationRun } from './scenarios/conversation';

let env: TestWorkflowEnvironment;
let run: ConversationRun;
beforeAll(async () => {
  env = await createWorkflowTestEnv();
  run = await runConversation(env);
});
afterAll(async () => {
  await env?.teardown();
});

const bodies = (name: string) => run.log.inputs<{ content: { type: string; text?: { body: string } } }>(name).map((i) => i.content.text?.body);

describe('conversationWorkflow with mocked activities', () => {
  it('answers the first message with the AI, then stays quiet after an agent takes over', () => {
    expect(run.log.inputs('answerWithAi')).toEqual([expect.objectContaining({ question: 'How much is the plan?', inboundMessageId: 'in-wamid.1', aiRepliesSoFar: 0 })]);
    expect(run.log.inputs('recordOutbound')[0]).toMatchObject({ sender: 'ai', content: { text: { body: expect.stringContaining('999 a month') } } });
    expect(run.stateBeforeEnd.seed).toMatchObject({ mode: 'agent', aiReplyCount: 1, optedOut: true, conversationId: 'conv-1' });
  });

  it('records a message delivered twice once', () => {
    expect(run.log.inputs<{ message: { waMessageId: string } }>('recordInbound').map((i) => i.message.waMessageId)).toEqual(['wamid.1', 'wamid.2', 'wamid.3']);
  });

  it('queues an agent’s send, dispatches every queued message in order, and marks the one Meta refuses as failed', () => {
    expect(run.agentSend).toEqual({ messageId: expect.any(String), status: 'queued', conversationId: 'conv-1' });
    expect(bodies('dispatchMessage')).toEqual([expect.stringContaining('999 a month'), 'Asha here, how can I help?', UNDELIVERABLE, optOutConfirmation]);
    const failedId = run.log.inputs<{ messageId: string }>('recordOutbound')[2].messageId;
    expect(run.log.inputs('markMessageFailed')).toEqual([expect.objectContaining({ messageId: failedId, code: '131026', title: 'Message undeliverable' })]);
  });

  it('applies commands through its activity and sends the read receipt for the newest inbound message', () => {
    expect(run.log.inputs<{ command: { type: string } }>('applyConversationCommand').map((i) => i.command.type)).toEqual(['takeover', 'markRead']);
    expect(run.log.inputs('markReadAtMeta')).toEqual([expect.objectContaining({ waMessageId: 'wamid.2' })]);
  });

  it('honours STOP: records the opt-out, confirms it, and its validator refuses later sends', () => {
    expect(run.log.inputs('setOptOut')).toEqual([expect.objectContaining({ contactId: 'contact-1', optedOut: true })]);
    expect(run.log.inputs('recordOutbound').at(-1)).toMatchObject({ sender: 'system', content: { text: { body: optOutConfirmation } } });
    expect(run.refusals).toEqual({ commandBeforeConversation: 'not_found', sendAfterStop: 'contact_opted_out' });
    expect(bodies('recordOutbound')).not.toContain('One more thing');
  });

  it('publishes the new messages and the contact for the inbox', () => {
    const events = run.log
      .inputs<{ event: string }[]>('publishEvents')
      .flat()
      .map((e) => e.event);
    expect(events.filter((e) => e === 'contact.created')).toHaveLength(1);
    expect(events.filter((e) => e === 'message.new')).toHaveLength(7);
    expect(events).toEqual(expect.arrayContaining(['conversation.updated', 'message.status']));
  });
});

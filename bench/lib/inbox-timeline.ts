/**
 * Where an inbound → AI reply spends its time, read from each conversation workflow's Temporal history
 * (server timestamps; the bench and the server share the machine's clock). For each activity up to the
 * send (recordInbound → publishEvents → answerWithAi → recordOutbound → publishEvents → dispatchMessage)
 * it splits the time into: the workflow task that scheduled it (waiting for a worker poll, running the
 * workflow code), the activity waiting in its queue, and the activity running.
 */
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { CustomerResult } from './inbox-probe';
import { summarize, type LatencySummary } from './stats';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface Segment {
  label: string;
  ms: number;
}

const msOf = (e: HistoryEvent): number => Number(e.eventTime?.seconds ?? 0) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6;
const idOf = (value: unknown): string => String(value ?? '');

/** The segments of one customer's path, in order; undefined when the history lacks the reply's send. */
export function segmentsOf(events: HistoryEvent[], result: CustomerResult): Segment[] | undefined {
  if (result.postAt === undefined || result.replyAt === undefined) return undefined;
  const started = events.find((e) => e.workflowExecutionStartedEventAttributes);
  if (!started) return undefined;
  const segments: Segment[] = [{ label: 'webhook POST → workflow started (API: verify, seed lookup, signalWithStart)', ms: msOf(started) - result.postAt }];
  const seen = new Map<string, number>();
  const scheduled = new Map<string, { name: string; at: number }>();
  const startedAt = new Map<string, number>();
  let anchor = msOf(started);
  let wftScheduled: number | undefined;
  let wftQueue = 0;
  for (const e of events) {
    const at = msOf(e);
    if (e.workflowTaskScheduledEventAttributes) wftScheduled = at;
    else if (e.workflowTaskStartedEventAttributes && wftScheduled !== undefined) wftQueue += at - wftScheduled;
    else if (e.activityTaskScheduledEventAttributes) {
      const base = e.activityTaskScheduledEventAttributes.activityType?.name ?? 'activity';
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const name = n > 1 ? `${base}#${n}` : base;
      scheduled.set(idOf(e.eventId), { name, at });
      const gap = at - anchor;
      segments.push({ label: `  → ${name}: workflow task waiting for a poll`, ms: wftQueue });
      segments.push({ label: `  → ${name}: workflow task on the worker, until scheduled`, ms: gap - wftQueue });
      wftQueue = 0;
    } else if (e.activityTaskStartedEventAttributes) {
      const id = idOf(e.activityTaskStartedEventAttributes.scheduledEventId);
      const s = scheduled.get(id);
      if (s) {
        startedAt.set(id, at);
        segments.push({ label: `  ${s.name}: in the activity queue`, ms: at - s.at });
      }
    } else if (e.activityTaskCompletedEventAttributes || e.activityTaskFailedEventAttributes || e.activityTaskTimedOutEventAttributes) {
      const attrs = e.activityTaskCompletedEventAttributes ?? e.activityTaskFailedEventAttributes ?? e.activityTaskTimedOutEventAttributes;
      const id = idOf(attrs?.scheduledEventId);
      const s = scheduled.get(id);
      const begun = startedAt.get(id);
      if (!s || begun === undefined) continue;
      if (s.name === 'dispatchMessage') {
        segments.push({ label: `  ${s.name}: running, until Meta received the send`, ms: result.replyAt - begun });
        return segments;
      }
      segments.push({ label: `  ${s.name}: running`, ms: at - begun });
      anchor = at;
    }
  }
  return undefined;
}

export interface TimelineRow {
  label: string;
  summary: LatencySummary;
}

/** Fetches the histories (a few at a time) and summarises each segment over the customers that have it. */
export async function timeline(
  client: Client,
  workflowIdOf: (waId: string) => string,
  results: CustomerResult[],
): Promise<{ rows: TimelineRow[]; customers: number; socketAfterPublish?: LatencySummary }> {
  const perLabel = new Map<string, number[]>();
  const socketLag: number[] = [];
  let customers = 0;
  const queue = results.filter((r) => r.replyAt !== undefined);
  const worker = async () => {
    for (let r = queue.pop(); r; r = queue.pop()) {
      let events: HistoryEvent[];
      try {
        events = (await client.workflow.getHandle(workflowIdOf(r.waId)).fetchHistory()).events ?? [];
      } catch {
        continue;
      }
      const segments = segmentsOf(events, r);
      if (!segments) continue;
      customers++;
      for (const s of segments) perLabel.set(s.label, [...(perLabel.get(s.label) ?? []), s.ms]);
      // The socket event is emitted while publishEvents (the first one) runs: how long after it started.
      const firstPublish = publishStartedAt(events);
      if (r.eventAt !== undefined && firstPublish !== undefined) socketLag.push(r.eventAt - firstPublish);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const rows = [...perLabel.entries()].map(([label, samples]) => ({ label, summary: summarize(samples) }));
  return { rows, customers, socketAfterPublish: socketLag.length ? summarize(socketLag) : undefined };
}

function publishStartedAt(events: HistoryEvent[]): number | undefined {
  const scheduled = events.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'publishEvents');
  if (!scheduled) return undefined;
  const started = events.find((e) => idOf(e.activityTaskStartedEventAttributes?.scheduledEventId) === idOf(scheduled.eventId) && e.activityTaskStartedEventAttributes);
  return started ? msOf(started) : undefined;
}

import type { Server } from 'node:http';
import { createCustomer } from './customer';
import { FaultStore } from './faults/fault-store';
import type { SimConfig, SimDeps } from './graph/context';
import { setTemplateStatus } from './graph/templates';
import { Scheduler } from './scheduler';
import { buildApp, listen } from './server';
import { controlAccessOf } from '../control-access';
import { createAccount, summaryOf } from './state/accounts';
import { SimStore } from './state/store';
import type { MetaSimulator, MetaSimulatorOptions, SentMessage } from './types';
import { WebhookDeliverer } from './webhooks/deliverer';
import { StatusEmitter } from './webhooks/statuses';

/** Starts the Meta (Graph API + webhooks) simulator on loopback. */
export async function startMetaSimulator(opts: MetaSimulatorOptions): Promise<MetaSimulator> {
  const config: SimConfig = {
    appId: opts.appId,
    appSecret: opts.appSecret,
    appName: opts.appName ?? 'Aerostic Sandbox',
    graphVersion: opts.graphVersion ?? 'v21.0',
    templateReviewMs: opts.templateReviewMs ?? 150,
    strictTemplates: opts.strictTemplates ?? true,
    enforceCustomerServiceWindow: opts.enforceCustomerServiceWindow ?? false,
  };
  const access = controlAccessOf(opts.control);
  let webhookUrl = opts.webhookUrl;
  let baseUrl = '';
  const store = new SimStore();
  const scheduler = new Scheduler();
  const faults = new FaultStore();
  const deliverer = new WebhookDeliverer(store, scheduler, {
    appSecret: config.appSecret,
    webhookUrl: () => webhookUrl,
    retries: opts.webhookRetries ?? 0,
    timeoutMs: opts.webhookTimeoutMs ?? 10_000,
  });
  const statuses = new StatusEmitter(store, scheduler, deliverer, config.appId, opts.statuses);
  const deps: SimDeps = { store, config, faults, scheduler, deliverer, statuses, baseUrl: () => baseUrl };
  const appAccessToken = `${config.appId}|${config.appSecret}`;
  store.issueToken({ token: appAccessToken, kind: 'app', wabaIds: [], userId: config.appId });

  let server: Server | undefined;
  const sim: MetaSimulator = {
    get url() {
      return baseUrl;
    },
    graphVersion: config.graphVersion,
    get dialogUrl() {
      return `${baseUrl}/${config.graphVersion}/dialog/oauth`;
    },
    appId: config.appId,
    appAccessToken,
    controlToken: access.token,
    get webhookUrl() {
      return webhookUrl;
    },
    setWebhookUrl(url) {
      webhookUrl = url;
    },

    async verifyWebhook(verifyToken) {
      const challenge = String(Math.floor(Math.random() * 1e10));
      if (!webhookUrl) return { ok: false, challenge };
      const url = new URL(webhookUrl);
      url.searchParams.set('hub.mode', 'subscribe');
      url.searchParams.set('hub.challenge', challenge);
      url.searchParams.set('hub.verify_token', verifyToken);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        const body = await res.text();
        return { ok: res.status === 200 && body === challenge, status: res.status, body, challenge };
      } catch {
        return { ok: false, challenge };
      }
    },

    async stop() {
      scheduler.stop();
      deliverer.stop();
      if (!server) return;
      const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
      server.closeAllConnections();
      await closing;
      server = undefined;
    },

    createAccount: (input) => createAccount(store, config.appId, input),
    accounts: () => [...store.phones.values()].map((phone) => summaryOf(store, config.appId, phone)),
    registerToken(token, access = {}) {
      store.issueToken({ token, kind: 'registered', wabaIds: access.wabaIds ?? 'all', userId: config.appId });
      return token;
    },
    expireToken(token) {
      const record = store.tokens.get(token);
      if (!record) throw new Error('unknown token');
      record.expiresAt = Math.floor(Date.now() / 1000) - 1;
    },
    async setTemplateStatus(templateId, status, reason) {
      const template = store.templates.get(templateId);
      if (!template) throw new Error(`unknown template ${templateId}`);
      return setTemplateStatus(deps, template, status, reason);
    },

    customer: (phoneNumberId) => createCustomer(store, deliverer, config.appId, phoneNumberId),
    postRawWebhook: (body, options = {}) => deliverer.deliver({ kind: 'raw', body, signature: options.signature ?? 'valid' }),
    redeliver: (deliveryId) => deliverer.redeliver(deliveryId),
    emitStatus: (wamid, status, options) => statuses.emit(wamid, status, options),
    emitStatusBatch: (items) => statuses.emitBatch(items),
    setStatusBehaviour(behaviour) {
      statuses.behaviour = { ...statuses.behaviour, ...behaviour };
    },

    injectFault: (spec) => faults.add(spec),
    clearFault: (id) => faults.remove(id),
    clearFaults: (filter) => faults.clear(filter),
    activeFaults: () => faults.list(),

    sent(filter = {}) {
      const to = filter.to?.replace(/\D/g, '');
      return store.sent.filter((m: SentMessage) => (!filter.phoneNumberId || m.phoneNumberId === filter.phoneNumberId) && (!to || m.waId === to));
    },
    webhookDeliveries: (filter = {}) => store.deliveries.filter((d) => !filter.kind || d.kind === filter.kind),
    requests: () => [...store.requests],
    readMarks: (filter = {}) => store.readMarks.filter((m) => !filter.phoneNumberId || m.phoneNumberId === filter.phoneNumberId),

    async waitFor(probe, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = probe();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`meta simulator: condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    idle: () => scheduler.idle(),

    reset(options = {}) {
      scheduler.cancelTimers();
      faults.clear();
      store.clearRecordings();
      if (options.all) store.clearWorld();
    },
  };

  const listening = await listen(buildApp(deps, sim, access), opts.port ?? 0, opts.host ?? '127.0.0.1');
  server = listening.server;
  baseUrl = listening.url;
  return sim;
}

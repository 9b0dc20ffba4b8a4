import Redis from 'ioredis';

/** One shared connection per process when REDIS_URL is configured (rate limits shared by every worker). */
export function connectRedis(url: string | undefined): Redis | undefined {
  return url ? new Redis(url, { maxRetriesPerRequest: 3, enableOfflineQueue: true }) : undefined;
}

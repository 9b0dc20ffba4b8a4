/** Moved to test/support/ (issue 10); kept so test files written against the old path still compile. */
export * from './support/redis-server';

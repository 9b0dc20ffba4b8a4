import { readFileSync } from 'node:fs';
import { warn } from './log';

export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/** The per-suite shape `jest --json` writes (formatTestResults), not jest's internal TestResult. */
interface SuiteResult {
  status?: string;
  assertionResults?: unknown[];
}

interface JestJson {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  testResults?: SuiteResult[];
}

/**
 * Jest's totals leave out suites that never ran (a syntax error, an import that throws): those fail
 * with no assertion results, so each is counted here as one failure. Undefined when jest wrote no file.
 */
export function summarizeJestResults(file: string): TestCounts | undefined {
  let json: JestJson;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as JestJson;
  } catch {
    return undefined;
  }
  const suitesThatDidNotRun = (json.testResults ?? []).filter((suite) => suite.status === 'failed' && (suite.assertionResults?.length ?? 0) === 0);
  return {
    passed: json.numPassedTests ?? 0,
    failed: (json.numFailedTests ?? 0) + suitesThatDidNotRun.length,
    skipped: json.numPendingTests ?? 0,
  };
}

export function formatCounts(counts: TestCounts): string {
  const line = `tests: ${counts.passed} passed, ${counts.failed} failed`;
  return counts.skipped > 0 ? `${line}, ${counts.skipped} skipped` : line;
}

/** The run's counts: jest's, plus one failure per preparation problem, plus one when jest failed without a failing test. */
export function tallyJestRun(resultsFile: string, jestCode: number, problems: string[] = []): TestCounts {
  const counts = summarizeJestResults(resultsFile) ?? { passed: 0, failed: 0, skipped: 0 };
  for (const problem of problems) warn(problem);
  counts.failed += problems.length;
  if (jestCode !== 0 && counts.failed === 0) {
    // Jest failed without a failing test (no tests matched, a config error, interrupted): still a failure.
    warn(`jest exited with code ${jestCode}`);
    counts.failed = 1;
  }
  return counts;
}

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FuzzOptions {
  /** The API's base URL; the document is read from `<url>/openapi.json`. */
  url: string;
  /** Sent on every request, e.g. `Authorization: Bearer …`. */
  headers: Record<string, string>;
  seed: number;
  maxExamples: number;
  /** Hard budget for the whole run, in seconds. */
  maxSeconds: number;
  reportDir: string;
}

export interface FuzzFinding {
  operation: string;
  check: string;
  status?: number;
  message: string;
}

export interface FuzzResult {
  exitCode: number;
  operationsTested: number;
  findings: FuzzFinding[];
  output: string;
}

/**
 * Runs schemathesis (installed by `npm test`'s bootstrap, SCHEMATHESIS_PATH) over every operation of
 * the API document with every check and every phase, stateful included, and returns what it found,
 * read from its JUnit report: one <testcase> per operation, a <failure> per distinct problem.
 */
export async function runSchemathesis(options: FuzzOptions): Promise<FuzzResult> {
  const st = process.env.SCHEMATHESIS_PATH;
  if (!st) throw new Error('schemathesis is not installed: run the tests with `npm test` (its bootstrap installs it) or set SCHEMATHESIS_PATH');
  rmSync(options.reportDir, { recursive: true, force: true });
  mkdirSync(options.reportDir, { recursive: true });
  const junit = join(options.reportDir, 'junit.xml');
  const args = [
    '--config-file',
    join(__dirname, 'schemathesis.toml'),
    'run',
    `${options.url}/openapi.json`,
    '--url',
    options.url,
    '--checks',
    'all',
    '--phases',
    'examples,coverage,fuzzing,stateful',
    '--seed',
    String(options.seed),
    '--max-examples',
    String(options.maxExamples),
    '--max-time',
    String(options.maxSeconds),
    // One worker: with two, CPython 3.11's AST parser (Hypothesis describing a strategy) fails at random
    // in threads ("AST constructor recursion depth mismatch"), a crash of the tool, not of the API.
    '--workers',
    '1',
    '--request-timeout',
    '60',
    // Two cores shared with the rest of the suite: slowness is not what this test judges.
    '--max-response-time',
    '60',
    '--generation-database',
    'none',
    '--suppress-health-check',
    'all',
    '--continue-on-failure',
    '--no-color',
    '--report',
    'junit',
    '--report-junit-path',
    junit,
    ...Object.entries(options.headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
  ];
  const { code, output } = await run(st, args, options.reportDir, options.maxSeconds * 1000 + 120_000);
  writeFileSync(join(options.reportDir, 'output.txt'), output);
  const xml = readJunit(junit);
  if (xml === undefined) throw new Error(`schemathesis wrote no report (exit ${code}):\n${output.slice(-4000)}`);
  return { exitCode: code, operationsTested: (xml.match(/<testcase\b/g) ?? []).length, findings: parseJunit(xml), output };
}

function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // In the report directory: schemathesis keeps a crash cache (`.schemathesis/`) in its working directory.
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PYTHONUNBUFFERED: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

function readJunit(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
const unescape = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => entities[entity]).replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

/** Each failure or error of each test case, as "operation: first line of the message". */
export function parseJunit(xml: string): FuzzFinding[] {
  const findings: FuzzFinding[] = [];
  for (const testcase of xml.matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const operation = unescape(/\bname="([^"]*)"/.exec(testcase[1])?.[1] ?? '?');
    for (const problem of (testcase[2] ?? '').matchAll(/<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
      const text = unescape(problem[3] ?? /\bmessage="([^"]*)"/.exec(problem[2])?.[1] ?? problem[1]);
      for (const block of splitFailures(text)) findings.push({ operation, ...block });
    }
  }
  return findings;
}

/**
 * One message can hold several test cases (`1. Test Case ID: …`), each with one or more failed checks
 * (`- ST103 Undocumented status code`) and the response status (`[404] Not Found:`).
 */
function splitFailures(text: string): Omit<FuzzFinding, 'operation'>[] {
  const found: Omit<FuzzFinding, 'operation'>[] = [];
  for (const section of text.split(/\n(?=\d+\. Test Case ID:)/)) {
    const status = /^\[(\d{3})\]/m.exec(section)?.[1];
    for (const title of section.matchAll(/^- (ST\d+ .+)$/gm)) {
      found.push({ check: title[1].trim(), ...(status ? { status: Number(status) } : {}), message: section.trim().slice(0, 1500) });
    }
  }
  return found.length ? found : [{ check: text.trim().split('\n')[0].slice(0, 200), message: text.trim().slice(0, 1500) }];
}

#!/usr/bin/env node
/**
 * Entry point of `npm start` and `npm test` on a fresh machine. Node built-ins only: it runs before
 * `npm install`. It makes sure of everything the TypeScript stack scripts need, then hands over:
 *
 *   1. npm dependencies (npm install when package.json or the lock changed);
 *   2. the Temporal CLI (dev server): TEMPORAL_CLI_PATH, else `temporal` on PATH, else the machine
 *      cache (~/.cache/aerostic/bin), else built there with `go install` (minutes, once per machine).
 *      The SDK's own `TestWorkflowEnvironment.createLocal` would download a CLI from temporal.download
 *      on a laptop with internet, but CI machines here reach only package registries, so we never
 *      rely on it; TEMPORAL_CLI_PATH is exported so tests pass it as `executable: existing-path`;
 *   3. for tests only: Debian's chromium (browser tests) and redis-server, installed with apt when root,
 *      and schemathesis (the API fuzzer, from PyPI) in a venv in the machine cache;
 *   4. `node --import tsx scripts/<start|run-tests|run-unit-tests|record-histories>.ts [args…]`, exiting
 *      with its code (`test:unit`, the fast lane, skips 2 and 3).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, constants as osConstants } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPORAL_CLI_VERSION = 'v1.5.1'; // Newest tag whose go.mod has no `replace`, so `go install` works.
const SCHEMATHESIS_VERSION = '4.32.5'; // The API fuzzer behind test/api/schemathesis.test.ts; pinned so a seed replays.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (message) => process.stderr.write(`[bootstrap] ${message}\n`);

/** Set for `test`: CI reads the last line, so a run that never reached jest still ends with the tally. */
let printTallyOnFailure = false;

function fail(message) {
  say(`error: ${message}`);
  if (printTallyOnFailure) process.stdout.write('tests: 0 passed, 1 failed\n');
  process.exit(1);
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Runs a command with our stdio, no stdin (so nothing can prompt), and returns its exit code. */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) return fail(`could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function dependencyHash() {
  const lockFile = join(root, 'package-lock.json');
  return createHash('sha256')
    .update(readFileSync(join(root, 'package.json')))
    .update(existsSync(lockFile) ? readFileSync(lockFile) : '')
    .digest('hex');
}

function ensureNpmDependencies() {
  const stamp = join(root, 'node_modules', '.aerostic-installed');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === dependencyHash()) return;
  // `npm install`, not `npm ci`: npm ci rejects a lock that lacks other platforms' optional binaries
  // (npm/cli#4828), which this registry's locks do; npm install still installs the versions the lock pins.
  const args = ['install', '--no-audit', '--no-fund'];
  say('installing npm dependencies (npm install)…');
  // Under `npm start`/`npm test`, npm_execpath is the npm that launched us; reuse it.
  const npmCli = process.env.npm_execpath;
  const [command, prefix] = npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  const env = { ...process.env, CI: 'true', npm_config_yes: 'true' };
  const code = run(command, [...prefix, ...args], env);
  if (code !== 0) fail(`installing npm dependencies failed (exit ${code})`);
  // Hashed after installing: `npm install` may have just written the lock file.
  writeFileSync(stamp, `${dependencyHash()}\n`);
}

function cliVersion(cli) {
  try {
    return execFileSync(cli, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 }).trim();
  } catch {
    return undefined;
  }
}

function findGo() {
  return onPath('go') ?? ['/usr/local/go/bin/go', join(homedir(), 'go', 'bin', 'go')].find(isExecutable);
}

function buildTemporalCli(cacheBin) {
  const go = findGo();
  if (!go) {
    fail(
      'the Temporal CLI was not found and Go is not installed to build it.\n' +
        '  Either install the CLI (https://docs.temporal.io/cli#install) and put `temporal` on PATH,\n' +
        '  or set TEMPORAL_CLI_PATH=/path/to/temporal, or install Go >= 1.25 (https://go.dev/dl) and rerun.',
    );
  }
  mkdirSync(cacheBin, { recursive: true });
  say(`building the Temporal CLI ${TEMPORAL_CLI_VERSION} with ${go} into ${cacheBin}`);
  say('this downloads Go modules and compiles the server and its web UI; it takes several minutes the first time, once per machine');
  const started = Date.now();
  // CGO off as in Temporal's release builds: the embedded SQLite is pure Go, so no C toolchain is needed.
  const code = run(go, ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
    ...process.env,
    GOBIN: cacheBin,
    CGO_ENABLED: '0',
  });
  if (code !== 0) fail(`go install of the Temporal CLI failed (exit ${code}); the Go module proxy must be reachable`);
  say(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)}s`);
}

function ensureTemporalCli() {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    const version = cliVersion(fromEnv);
    if (!version) fail(`TEMPORAL_CLI_PATH=${fromEnv} does not run (\`${fromEnv} --version\` failed)`);
    return { cli: fromEnv, version };
  }
  const cacheBin = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'aerostic', 'bin');
  const cached = join(cacheBin, 'temporal');
  for (const candidate of [onPath('temporal'), cached]) {
    const version = candidate && isExecutable(candidate) ? cliVersion(candidate) : undefined;
    if (version) return { cli: candidate, version };
  }
  buildTemporalCli(cacheBin);
  const version = cliVersion(cached);
  if (!version) fail(`the freshly built ${cached} does not run`);
  return { cli: cached, version };
}

let aptUpdated = false;

/** Debian packages the tests need; installed only when we are root, otherwise explained. */
function ensureAptBinary({ envName, candidates, pkg, purpose }) {
  const fromEnv = process.env[envName];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    say(`warning: ${envName}=${fromEnv} is not an executable file`);
  }
  const found = candidates.find((c) => (c.includes('/') ? isExecutable(c) : onPath(c)));
  if (found) return found.includes('/') ? found : onPath(found);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !onPath('apt-get')) {
    say(`warning: ${pkg} is not installed, so ${purpose} will fail. Install it (\`sudo apt-get install -y ${pkg}\`) or set ${envName}.`);
    return undefined;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    say('apt-get update…');
    if (run('apt-get', ['update'], env) !== 0) say('warning: apt-get update failed; trying the install anyway');
    aptUpdated = true;
  }
  say(`installing ${pkg} with apt-get (needed for ${purpose})…`);
  if (run('apt-get', ['install', '-y', pkg], env) !== 0) {
    say(`warning: apt-get install ${pkg} failed, so ${purpose} will fail`);
    return undefined;
  }
  return candidates.map((c) => (c.includes('/') ? c : onPath(c))).find((c) => c && isExecutable(c));
}

/** schemathesis in ~/.cache/aerostic/venv-schemathesis at the pinned version: SCHEMATHESIS_PATH for the fuzz test. */
function ensureSchemathesis() {
  if (process.env.SCHEMATHESIS_PATH) return process.env.SCHEMATHESIS_PATH;
  const venv = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'aerostic', 'venv-schemathesis');
  const st = join(venv, 'bin', 'st');
  if (isExecutable(st) && cliVersion(st)?.endsWith(SCHEMATHESIS_VERSION)) return st;
  const python = onPath('python3');
  if (!python) {
    say('warning: python3 is not installed, so the API fuzz test will fail. Install python3 (with venv) or set SCHEMATHESIS_PATH.');
    return undefined;
  }
  say(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${venv} (once per machine)…`);
  if (!isExecutable(join(venv, 'bin', 'pip')) && run(python, ['-m', 'venv', venv]) !== 0) {
    say('warning: python3 -m venv failed (on Debian: apt-get install python3-venv), so the API fuzz test will fail');
    return undefined;
  }
  if (run(join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`]) !== 0) {
    say('warning: pip install schemathesis failed (PyPI must be reachable), so the API fuzz test will fail');
    return undefined;
  }
  return isExecutable(st) ? st : undefined;
}

function childEnvironment(mode) {
  const env = { ...process.env };
  // The unit lane needs no stack: no Temporal, browser or Redis, so nothing is looked for or installed.
  if (mode === 'test:unit') return env;
  const needsTemporal = mode !== 'start' || !process.env.TEMPORAL_ADDRESS;
  if (needsTemporal) {
    const { cli, version } = ensureTemporalCli();
    say(`Temporal CLI: ${cli} (${version.split('\n')[0]})`);
    env.TEMPORAL_CLI_PATH = cli;
  }
  if (mode === 'test') {
    const chromium = ensureAptBinary({ envName: 'CHROMIUM_PATH', candidates: ['/usr/bin/chromium'], pkg: 'chromium', purpose: 'the browser tests' });
    if (chromium) env.CHROMIUM_PATH = chromium;
    const redis = ensureAptBinary({ envName: 'REDIS_SERVER_PATH', candidates: ['redis-server', '/usr/bin/redis-server'], pkg: 'redis-server', purpose: 'the Redis tests' });
    if (redis) env.REDIS_SERVER_PATH = redis;
    const schemathesis = ensureSchemathesis();
    if (schemathesis) env.SCHEMATHESIS_PATH = schemathesis;
  }
  return env;
}

/** Runs the stack script in the foreground; signals are passed on and its exit code becomes ours. */
function handOver(script, args, env) {
  // `node --import tsx` rather than the tsx CLI: one process, so the signal we forward reaches the script itself.
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', script), ...args], { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.once('error', (error) => fail(`could not start ${script}: ${error.message}`));
  child.once('exit', (code, signal) => {
    process.exit(code ?? 128 + (osConstants.signals[signal] ?? 1));
  });
}

const scripts = { start: 'start.ts', test: 'run-tests.ts', 'test:unit': 'run-unit-tests.ts', 'record-histories': 'record-histories.ts' };
const [mode, ...args] = process.argv.slice(2);
printTallyOnFailure = mode === 'test' || mode === 'test:unit';
if (!(mode in scripts)) fail(`usage: node scripts/bootstrap.mjs <${Object.keys(scripts).join('|')}> [args…]`);
ensureNpmDependencies();
handOver(scripts[mode], args, childEnvironment(mode));

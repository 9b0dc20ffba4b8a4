/** One prefix for everything the stack scripts say, so it stands apart from api/worker/jest output. */
export function log(message: string): void {
  process.stdout.write(`[stack] ${message}\n`);
}

export function warn(message: string): void {
  process.stderr.write(`[stack] warning: ${message}\n`);
}

/** Connection strings are printed for humans; the password never is. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Worker-only settings read from the environment (kept apart from the product's env contract). */
export function workerEnv(source: NodeJS.ProcessEnv = process.env) {
  return { workflowBundlePath: source.AEROSTIC_WORKFLOW_BUNDLE || undefined };
}

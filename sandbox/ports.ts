import type { AppConfig } from '../config';
import type { ControlAccess } from './control-access';

/** Where the sandbox simulators listen in `npm start`; the start script points the app at these. */
export function sandboxPorts(source: NodeJS.ProcessEnv = process.env) {
  return {
    razorpay: Number(source.SANDBOX_RAZORPAY_PORT ?? 4010),
    meta: Number(source.SANDBOX_META_PORT ?? 4020),
    gemini: Number(source.SANDBOX_GEMINI_PORT ?? 4030),
  };
}

export function sandboxUrls(source: NodeJS.ProcessEnv = process.env) {
  const ports = sandboxPorts(source);
  return {
    razorpay: `http://127.0.0.1:${ports.razorpay}`,
    meta: `http://127.0.0.1:${ports.meta}`,
    gemini: `http://127.0.0.1:${ports.gemini}`,
  };
}

/** The simulators' control routes answer the web app's origin, with the token the API hands the app. */
export function simulatorControl(config: AppConfig): ControlAccess {
  return { token: config.sandboxControlToken, allowedOrigins: [config.webOrigin] };
}

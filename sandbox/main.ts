import { loadConfig } from '../config';
import { startGeminiSimulator } from './gemini';
import { startMetaSimulator } from './meta';
import { startRazorpaySimulator } from './razorpay';
import { sandboxPorts, sandboxUrls, simulatorControl } from './ports';
import { provisionPlatformNumber } from './platform-number';

/**
 * The sandbox's simulators in one process, started by `npm start` in sandbox mode. They use the
 * same generated secrets as the app (read from the data dir), and deliver webhooks to the API.
 */
async function main() {
  const config = loadConfig();
  const apiUrl = `http://127.0.0.1:${config.port}`;
  const razorpay = await startRazorpaySimulator({
    keyId: config.razorpay.keyId,
    keySecret: config.razorpay.keySecret,
    webhookSecret: config.razorpay.webhookSecret,
    webhookUrl: `${apiUrl}/webhooks/razorpay`,
    port: sandboxPorts().razorpay,
    publicUrl: sandboxUrls().razorpay,
    control: simulatorControl(config),
  });
  const meta = await startMetaSimulator({
    appId: config.meta.appId,
    appSecret: config.meta.appSecret,
    graphVersion: config.meta.graphVersion,
    webhookUrl: `${apiUrl}/webhooks/meta`,
    port: sandboxPorts().meta,
    control: simulatorControl(config),
  });
  const { phoneNumberId, waToken } = config.platform;
  if (phoneNumberId && waToken) await provisionPlatformNumber(meta, { phoneNumberId, waToken });
  const gemini = await startGeminiSimulator({ apiKey: config.gemini.apiKey, port: sandboxPorts().gemini, control: simulatorControl(config) });
  console.log(`simulators: razorpay ${razorpay.url}, meta ${meta.url}, gemini ${gemini.url}`);

  const stop = async () => {
    await Promise.all([razorpay.stop(), meta.stop(), gemini.stop()]);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

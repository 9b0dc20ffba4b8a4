/** What a Meta error code means for the person who sent the message (shown with a failed message). */
const EXPLANATIONS: Record<number, string> = {
  0: 'Meta could not authenticate the request; reconnect the WhatsApp number.',
  1: 'Meta had an unknown error; the message will be retried.',
  2: 'Meta was temporarily unavailable; the message will be retried.',
  4: 'The app reached Meta’s request limit; the message will be retried shortly.',
  10: 'The app has no permission to send from this number; reconnect it and grant WhatsApp messaging access.',
  100: 'Meta rejected a parameter of the message (for example the recipient number or a field that is too long).',
  190: 'The access token of this WhatsApp number expired; reconnect the number under WhatsApp settings.',
  200: 'The app has no permission to send from this number; reconnect it and grant WhatsApp messaging access.',
  368: 'Meta temporarily blocked this account for policy violations; check WhatsApp Manager.',
  80007: 'The WhatsApp Business Account reached its rate limit; the message will be retried.',
  130429: 'This number is sending faster than Meta allows; the message will be retried.',
  131000: 'Meta could not send the message because of an internal error; it will be retried.',
  131008: 'A required part of the message is missing.',
  131009: 'A part of the message has a value WhatsApp does not accept.',
  131026:
    'The message could not be delivered: the recipient may not use WhatsApp, may not have accepted its latest terms, may use an old version, or may have blocked this number.',
  131031: 'The WhatsApp Business Account is locked or disabled by Meta; check WhatsApp Manager.',
  131047: 'More than 24 hours have passed since the customer last wrote; send an approved template instead.',
  131048: 'Meta restricted how many messages this number may send because customers flagged it as spam; slow down and improve message quality.',
  131051: 'WhatsApp does not support this message type.',
  131053: 'The media of this message could not be uploaded; check the file type and size.',
  131056: 'Too many messages were sent to this customer in a short time; the message will be retried.',
  131057: 'The WhatsApp Business Account is in maintenance; the message will be retried.',
  132000: 'The number of variables does not match the template; check the template’s variables.',
  132001: 'The template does not exist in this language or is not approved yet.',
  133010: 'The phone number is not registered with the WhatsApp Cloud API; register it first.',
};

export function explainMetaError(code: number | undefined): string {
  if (code !== undefined && EXPLANATIONS[code]) return EXPLANATIONS[code];
  return code === undefined ? 'Meta rejected the message.' : `Meta rejected the message (error ${code}).`;
}

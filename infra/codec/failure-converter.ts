import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Loaded by path (`failureConverterPath`) in workers, clients and the workflow bundle: messages and
 * stack traces of failures go into `encodedAttributes`, so the payload codec encrypts them too.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });

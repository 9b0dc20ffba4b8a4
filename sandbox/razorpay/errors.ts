/** An error answered in Razorpay's wire format: `{"error":{"code","description","field","source","step","reason","metadata"}}`. */
export class RazorpayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly field: string | null = null,
    readonly source = 'NA',
    readonly step = 'NA',
    readonly reason = 'NA',
  ) {
    super(description);
  }

  toBody() {
    return {
      error: {
        code: this.code,
        description: this.description,
        field: this.field,
        source: this.source,
        step: this.step,
        reason: this.reason,
        metadata: {},
      },
    };
  }
}

/** Input validation failures: Razorpay answers them with 400 and names the field. */
export function badRequest(description: string, field: string | null = null): RazorpayApiError {
  return new RazorpayApiError(400, 'BAD_REQUEST_ERROR', description, field, 'business', 'payment_initiation', 'input_validation_failed');
}

/** A state rule was broken (cancel a cancelled subscription, pause a created one …). */
export function invalidState(description: string): RazorpayApiError {
  return new RazorpayApiError(400, 'BAD_REQUEST_ERROR', description, 'status', 'business', 'NA', 'NA');
}

export function authenticationFailed(): RazorpayApiError {
  return new RazorpayApiError(401, 'BAD_REQUEST_ERROR', 'Authentication failed');
}

// Razorpay answers an unknown id with 400, not 404.
export function idDoesNotExist(field = 'id'): RazorpayApiError {
  return badRequest('The id provided does not exist', field);
}

export function notAValidId(id: string): RazorpayApiError {
  return badRequest(`${id} is not a valid id`, 'id');
}

// Razorpay answers an unknown URL with 400, not 404.
export function urlNotFound(): RazorpayApiError {
  return new RazorpayApiError(400, 'BAD_REQUEST_ERROR', 'The requested URL was not found on the server.');
}

export function serverError(): RazorpayApiError {
  return new RazorpayApiError(500, 'SERVER_ERROR', 'The server encountered an error. The incident has been reported to admins.');
}

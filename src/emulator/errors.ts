/**
 * Bedrock's error shapes, as the emulator sends them.
 *
 * A Bedrock Runtime error is an HTTP status, an `x-amzn-ErrorType: <Code>:<namespace>` header and a JSON body
 * `{"message": "…"}` (bedrock-wire.md §1.12). Authentication errors come from the AWS front end and use the Coral
 * service namespace; model and validation errors use Bedrock's own.
 */

/** Namespace Bedrock puts after the error code in `x-amzn-ErrorType`. */
export const BEDROCK_ERROR_NAMESPACE = 'http://internal.amazon.com/coral/com.amazon.bedrock/';
/** Namespace of errors raised by the AWS front end (authentication), before Bedrock sees the request. */
export const CORAL_ERROR_NAMESPACE = 'http://internal.amazon.com/coral/com.amazon.coral.service/';

/** The exceptions Bedrock Runtime models, with their HTTP status (bedrock-wire.md §1.12). */
export const MODELED_EXCEPTION_STATUS = {
  AccessDeniedException: 403,
  ValidationException: 400,
  ConflictException: 400,
  ServiceQuotaExceededException: 400,
  ResourceNotFoundException: 404,
  ModelTimeoutException: 408,
  ThrottlingException: 429,
  ModelNotReadyException: 429,
  ModelErrorException: 424,
  ModelStreamErrorException: 424,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
} as const;

export type ModeledExceptionName = keyof typeof MODELED_EXCEPTION_STATUS;

/** Default messages for injected faults, close to what Bedrock says for each. */
export const DEFAULT_EXCEPTION_MESSAGES: Record<ModeledExceptionName, string> = {
  AccessDeniedException: "You don't have access to the model with the specified model ID.",
  ValidationException: 'The request was rejected by the emulator (injected fault).',
  ConflictException: 'The request conflicts with the current state of the resource.',
  ServiceQuotaExceededException: 'Your request exceeds the service quota for your account.',
  ResourceNotFoundException: 'The requested resource could not be found.',
  ModelTimeoutException: 'Model has timed out in processing the request. Try your request again.',
  ThrottlingException: 'Too many requests, please wait before trying again.',
  ModelNotReadyException: 'Model is not ready to serve inference requests. The AWS SDK will automatically retry the operation.',
  ModelErrorException: 'The model returned an error (injected fault).',
  ModelStreamErrorException: 'The model stream returned an error (injected fault).',
  InternalServerException: 'The server encountered an internal error while processing the request.',
  ServiceUnavailableException: 'Bedrock is unable to process your request.',
};

export function isModeledExceptionName(name: string): name is ModeledExceptionName {
  return Object.hasOwn(MODELED_EXCEPTION_STATUS, name);
}

/**
 * An error the emulator answers with. `name` is the Bedrock error code (`ValidationException`,
 * `UnrecognizedClientException`, …); `body` overrides the default `{"message": …}` body when Bedrock uses
 * another shape (the bearer-key format error uses `{"Message": …}`).
 */
export class EmulatorError extends Error {
  override readonly name: string;
  readonly status: number;
  readonly namespace: string;
  readonly body: Record<string, unknown>;

  constructor(
    name: string,
    status: number,
    message: string,
    options: { namespace?: string; body?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = name;
    this.status = status;
    this.namespace = options.namespace ?? BEDROCK_ERROR_NAMESPACE;
    this.body = options.body ?? { message };
  }

  /** `x-amzn-ErrorType` header value. */
  get errorType(): string {
    return `${this.name}:${this.namespace}`;
  }
}

/** `ValidationException` (400) with Bedrock's wording. */
export function validationError(message: string): EmulatorError {
  return new EmulatorError('ValidationException', 400, message);
}

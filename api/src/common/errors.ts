/**
 * Domain errors: plain classes that services throw; one exception filter maps them to HTTP.
 * `errors` carries the per-field or per-line details of the contract's error shape.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly errors?: unknown[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class NotFoundError extends DomainError {}
export class InvalidInputError extends DomainError {}
export class ConflictError extends DomainError {}
export class UnprocessableError extends DomainError {}
export class PayloadTooLargeError extends DomainError {}
export class UnauthorizedError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class TooManyRequestsError extends DomainError {}

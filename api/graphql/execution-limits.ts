import { type GraphQLFieldResolver, type GraphQLSchema, defaultFieldResolver, getNamedType, isLeafType, isObjectType } from 'graphql';
import { ApiErrorCode, RequestError } from '../errors';
import { isStatementTimeout } from '../store/dialect';

/**
 * What one request's execution may spend: time until its deadline, and bytes of answer. Checked
 * between resolvers, synchronously, so that even execution that never yields the event loop stops.
 */
export class ExecutionLimits {
  /** Set once execution was stopped; the whole response is then this one error. */
  stopped: RequestError | undefined;
  private bytes = 0;

  constructor(
    readonly timeoutMs: number,
    readonly maxBytes: number,
    private readonly deadline = performance.now() + timeoutMs,
  ) {}

  check(): void {
    if (this.stopped) throw this.stopped;
    if (performance.now() > this.deadline) this.timeout();
  }

  timeout(): never {
    return this.stop(new RequestError(ApiErrorCode.TIMEOUT, `the request took longer than ${this.timeoutMs} ms`, {}, { 'retry-after': '5' }));
  }

  /** Counts a leaf value about as JSON will spell it, with its key. */
  count(key: string, value: unknown): void {
    this.bytes += key.length + 4 + sizeOf(value);
    if (this.bytes > this.maxBytes) this.stop(new RequestError(ApiErrorCode.RESPONSE_TOO_LARGE, `the response would be larger than ${this.maxBytes} bytes: ask for fewer items or fields`, { limit: this.maxBytes }));
  }

  private stop(error: RequestError): never {
    this.stopped = error;
    throw error;
  }
}

function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return 6;
  if (Array.isArray(value)) return value.reduce<number>((sum, v) => sum + sizeOf(v) + 1, 2);
  if (value instanceof Date) return 26;
  return JSON.stringify(value)?.length ?? 0;
}

interface LimitedContext {
  limits?: ExecutionLimits;
}

/**
 * Wraps every field's resolver of the schema with the request's limits: the deadline before it
 * runs, and, for leaf fields, the bytes of what it answered. A plain function call per field, not
 * a type-graphql middleware, which would make every field, even a property read, a promise.
 */
export function applyExecutionLimits(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, LimitedContext> = field.resolve ?? defaultFieldResolver;
      const leaf = isLeafType(getNamedType(field.type));
      field.resolve = (root, args, context, info) => {
        const limits = context?.limits;
        if (!limits) return resolve(root, args, context, info);
        limits.check();
        const value = resolve(root, args, context, info);
        if (value instanceof Promise) {
          // A statement the database cancelled at the request's time limit ends the request like the deadline.
          return value.then(
            (v) => (leaf && limits.count(info.fieldName, v), v),
            (error) => (isStatementTimeout(error) ? limits.timeout() : Promise.reject(error)),
          );
        }
        if (!leaf) return value;
        limits.count(info.fieldName, value);
        return value;
      };
    }
  }
  return schema;
}

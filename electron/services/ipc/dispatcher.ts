import type { z } from 'zod';
import { contract, isChannel, type Channel, type Output, type ParsedInput, type Reply } from '../../../shared/ipc/contract.ts';
import { AppError, isAppError } from '../../../shared/ipc/errors.ts';
import { asAppError } from '../store/store-errors.ts';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
export type PartialHandlers<K extends Channel> = { [C in K]: Handler<C> };

export interface Logger {
  error(message: string, error?: unknown): void;
}

/** Turn zod's issues into one sentence a person can act on. */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return parts.join('; ');
}

/** The first message for each field path, for forms to show beside the field. */
export function issueFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.');
    if (key && !(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

/** A channel name safe to put in a message: what arrived may not be a string, or even convertible to one. */
function nameOf(channel: unknown): string {
  return typeof channel === 'string' ? channel.slice(0, 80) : `(a ${channel === null ? 'null' : typeof channel}, not a channel name)`;
}

/**
 * The one place a request from the renderer becomes a handler call. It
 * checks the channel, validates the input against the contract, runs the
 * handler and validates what comes back, so no handler ever sees unchecked
 * input and nothing outside the contract's output schema leaves main.
 * It never throws: every outcome is a Reply.
 */
export function createDispatcher(handlers: Handlers, log: Logger = console) {
  return async function dispatch(channel: unknown, rawInput: unknown): Promise<Reply<unknown>> {
    try {
      if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', `There is no channel called ${nameOf(channel)}.`);
      const spec = contract[channel];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw new AppError('INVALID_INPUT', describeIssues(parsed.error), issueFields(parsed.error));
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log.error(`Handler for ${channel} returned data outside its contract: ${describeIssues(checked.error)}`);
        throw new AppError('INTERNAL', 'Something went wrong inside DHR Tracker. Nothing was changed by this request; try again, and report it if it keeps happening.');
      }
      return { ok: true, value: checked.data };
    } catch (raw) {
      // A locked, read-only, full or damaged store gets a message saying what to do, not SQLite's own words.
      const error = asAppError(raw);
      if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
      log.error(`Unexpected failure on ${nameOf(channel)}`, error);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'Something went wrong inside DHR Tracker. Nothing was changed by this request; try again, and report it if it keeps happening.',
        },
      };
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;

import { useEffect } from 'react';
import type { Channel, EventName, EventPayload, Input, Output } from '../../../shared/ipc/contract.ts';
import type { ErrorInfo } from '../../../shared/ipc/errors.ts';

/** A refused request, carrying main's code and its person-readable message. */
export class ApiError extends Error {
  readonly code: ErrorInfo['code'];
  readonly fields: Record<string, string>;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.code = info.code;
    this.fields = info.fields ?? {};
  }
}

/** Call a contract channel; resolves with its value or throws ApiError. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const reply = await window.api.invoke(channel, input);
  if (!reply.ok) throw new ApiError(reply.error);
  return reply.value;
}

export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  useEffect(() => window.api.on(event, listener), [event, listener]);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

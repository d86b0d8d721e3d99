import type { z } from 'zod';
import type { Reply } from '../../../../shared/ipc/contract.ts';
import type { SecurityChannel, securityContractEntries } from '../../../../shared/ipc/security-contract-entries.ts';
import { ApiError } from '../../app/api-client.ts';

type Entries = typeof securityContractEntries;

/**
 * Call a passphrase or backup channel (shared/ipc/security-contract-entries.ts),
 * typed by its own schemas. Goes through window.api like every other call; until
 * those entries are spread into the contract, main answers UNKNOWN_CHANNEL and
 * the screens that use them leave those parts out.
 */
export async function callSecurity<C extends SecurityChannel>(channel: C, input: z.input<Entries[C]['input']>): Promise<z.output<Entries[C]['output']>> {
  const invoke = window.api.invoke as unknown as (channel: string, input: unknown) => Promise<Reply<z.output<Entries[C]['output']>>>;
  const reply = await invoke(channel, input);
  if (!reply.ok) throw new ApiError(reply.error);
  return reply.value;
}

/** True when main does not offer these channels (yet). */
export const isUnknownChannel = (error: unknown) => error instanceof ApiError && error.code === 'UNKNOWN_CHANNEL';

import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { createBackend, type Backend } from '../../../electron/services/handlers.ts';
import { CHANNELS, contract, type Channel } from '../../../shared/ipc/contract.ts';
import { ERROR_CODES } from '../../../shared/ipc/errors.ts';
import type { Db } from '../../../electron/services/store/sqlite.ts';
import { PASSPHRASE, tempDir } from '../../support/temp.ts';
import { testClock } from '../../support/clock.ts';

// Hostile IPC: thousands of random and malformed payloads to every channel in
// the contract, through the real dispatcher, on an unlocked demo store. No
// crash, no unhandled rejection, a typed error for everything that is not
// valid, and the store exactly as it was. Deterministic (seeded).

/**
 * Channels that only read: they may also be given payloads that happen to be
 * valid. Every other channel (anything that writes, locks, opens a dialog or
 * is added later) is only ever sent payloads the contract rejects, checked by
 * safeParse before sending, so the store must come out unchanged.
 */
const READ_ONLY = new Set<string>([
  'session.status',
  'session.activity',
  'store.stats',
  'settings.get',
  'partnership.lists',
  'reviews.list',
  'reviews.get',
  'reviews.audit',
  'recommendations.list',
  'recommendations.similar',
  'recommendations.recurring',
  'dashboard.summary',
  'applicability.forRecommendation',
  'progress.history',
  'myDistrict.get',
  'countywide.matrix',
  'statuses.list',
  'backups.status',
  'security.rememberStatus',
]);
const PER_CHANNEL = 60;
const UNKNOWN_CHANNELS = 300;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(0x5eed_2026);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const HUGE = 'x'.repeat(1_000_000);
const STRINGS = [
  '',
  ' ',
  'a',
  HUGE,
  '\u0000',
  '\uD800',
  '👩‍👩‍👧‍👦'.repeat(500),
  "'; DROP TABLE reviews; --",
  '" OR 1=1 --',
  '../../../../etc/passwd',
  'C:\\Windows\\System32\\config\\SAM',
  '/dev/zero',
  '%s%n%x',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'prototype',
  '2026-02-30',
  '2026-11-21',
  '00000000-0000-4000-8000-000000000000',
  'DHR-FL-2016-01',
  'on_track',
  'applicable',
  'NaN',
  '-1',
  '1e309',
  'true',
  'null',
];
const NUMBERS = [0, -0, -1, 1, 1.5, -1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER - 2, 1e308, -1e308, 2 ** 31, 4_294_967_296, 240, 241];
const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'id', 'file', 'passphrase', 'reviewId', 'items', 'text', 'x', ''];

function deep(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = pick(STRINGS.slice(0, 3));
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** An object whose own keys include __proto__ and friends, as JSON.parse (and structured clone) make them. */
function pollutingObject(): unknown {
  return JSON.parse('{"__proto__": {"polluted": "yes", "isAdmin": true}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}}');
}

/** An own property, even for "__proto__" (plain assignment would change the prototype instead). */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function randomValue(depth = 0): unknown {
  const r = random();
  if (depth > 3 || r < 0.3) {
    switch (Math.floor(random() * 9)) {
      case 0:
        return undefined;
      case 1:
        return null;
      case 2:
        return random() < 0.5;
      case 3:
      case 4:
        return pick(NUMBERS);
      case 5:
        return BigInt(Math.floor(random() * 1e6));
      case 6:
        return new Date(pick([NaN, 0, 8.64e15, Date.parse('2026-11-21T12:00:00Z')]));
      default:
        return pick(STRINGS);
    }
  }
  if (r < 0.45) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth + 1));
  if (r < 0.5) return deep(pick([50, 500, 1500]), pick(['array', 'object'] as const));
  if (r < 0.55) return pollutingObject();
  if (r < 0.6) return new Uint8Array(Math.floor(random() * 64));
  if (r < 0.62) return new Map([['id', 'x']]);
  const object: Record<string, unknown> = {};
  for (let i = 0, n = Math.floor(random() * 5); i < n; i++) setOwn(object, pick(KEYS), randomValue(depth + 1));
  return object;
}

/** The channel's own field names, when its input is an object schema, so payloads get past the first check. */
function fieldsOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * What main actually receives: Electron passes every IPC argument through the
 * structured clone algorithm, so prototypes, functions and getters never
 * arrive, but own keys such as "__proto__", typed arrays, Maps, Dates, BigInts,
 * NaN and deep nesting all do.
 */
function overIpc(payload: unknown): unknown {
  return structuredClone(payload);
}

function payloadFor(channel: Channel): unknown {
  const fields = fieldsOf(contract[channel].input);
  const r = random();
  if (fields.length && r < 0.6) {
    // Right field names, hostile values; sometimes an extra key or one missing.
    const object: Record<string, unknown> = {};
    for (const field of fields) if (random() < 0.85) object[field] = randomValue(1);
    if (random() < 0.25) setOwn(object, '__proto__', { polluted: 'yes' });
    if (random() < 0.15) setOwn(object, pick(KEYS), randomValue(2));
    return object;
  }
  return randomValue();
}

/** Every table's rows, hashed: the store's whole content. */
function checksum(db: Db): string {
  const hash = createHash('sha256');
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
  for (const table of tables) {
    hash.update(`\n#${table}\n`);
    for (const row of db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('base64') : v)));
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}

let dir: string;
let cleanup: () => void;
let backend: Backend;
const logged: string[] = [];
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
const onException = (error: unknown) => rejections.push(error);

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  backend = createBackend({
    configDir: path.join(dir, 'config'),
    defaultStoreFile: path.join(dir, 'dhr-tracker.dhr'),
    appVersion: 'fuzz',
    clock: testClock(),
    emit: () => {},
    // Every dialog is cancelled: nothing the fuzz sends can make the app write a file.
    dialogs: { chooseStoreFile: async () => null, chooseExportFile: async () => null, chooseOpenFile: async () => null },
    log: { error: (message: string, error?: unknown) => logged.push(`${message}: ${(error as Error)?.stack ?? ''}`) },
  });
  const created = await backend.dispatch('session.create', { file: path.join(dir, 'fuzz.dhr'), passphrase: PASSPHRASE });
  expect(created).toMatchObject({ ok: true });
  expect(await backend.dispatch('demo.load', {})).toMatchObject({ ok: true });
}, 60_000);
afterAll(() => {
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);
  backend.session.close();
  cleanup();
});

/** A short description of a payload for a failure message (never the megabyte strings). */
function describePayload(payload: unknown): string {
  try {
    const text = JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}…(${v.length})` : v));
    return (text ?? String(payload)).slice(0, 300);
  } catch {
    return typeof payload;
  }
}

function checkReply(reply: unknown, where: string): void {
  expect(reply, where).toBeTypeOf('object');
  const r = reply as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  if (r.ok === true) return;
  expect(r.ok, where).toBe(false);
  expect(ERROR_CODES, `${where}: ${JSON.stringify(r.error)}`).toContain(r.error?.code);
  expect(r.error?.code, `${where}: ${r.error?.message} ${logged.at(-1) ?? ''}`).not.toBe('INTERNAL');
  expect(typeof r.error?.message === 'string' && r.error.message.length > 0, where).toBe(true);
}

it(`survives ${CHANNELS.length} channels × ${PER_CHANNEL} hostile payloads and ${UNKNOWN_CHANNELS} unknown channels, leaving the store unchanged`, async () => {
  const db = () => backend.session.requireStore().db;
  const before = checksum(db());
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  let sent = 0;
  let validReads = 0;

  for (const channel of CHANNELS) {
    const readOnly = READ_ONLY.has(channel);
    for (let i = 0, tries = 0; i < PER_CHANNEL && tries < PER_CHANNEL * 20; tries++) {
      const payload = overIpc(payloadFor(channel));
      let valid: boolean;
      try {
        valid = contract[channel].input.safeParse(payload ?? {}).success;
      } catch {
        valid = false;
      }
      if (valid && !readOnly) continue; // a write channel only ever gets what the contract refuses
      i++;
      sent++;
      if (valid) validReads++;
      const where = `${channel} #${i} ${describePayload(payload)}`;
      const reply = await backend.dispatch(channel, payload);
      checkReply(reply, where);
      if (!valid) expect((reply as { ok: boolean }).ok, `${where} accepted an invalid payload`).toBe(false);
    }
    // Still unlocked, and every fuzzed channel still answers a proper request.
    expect(backend.session.status().state, `after ${channel}`).toBe('unlocked');
  }

  for (let i = 0; i < UNKNOWN_CHANNELS; i++) {
    const name = i % 3 === 0 ? pick(STRINGS) : i % 3 === 1 ? `${pick(CHANNELS)}${pick(['x', '.', ' ', '\u0000', '/../'])}` : randomValue();
    if (typeof name === 'string' && (CHANNELS as readonly string[]).includes(name)) continue;
    sent++;
    const reply = await backend.dispatch(name, overIpc(randomValue()));
    checkReply(reply, `unknown channel ${String(typeof name === 'string' ? name.slice(0, 40) : typeof name)}`);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  }

  // Let anything left floating settle before looking for unhandled rejections.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(rejections).toEqual([]);
  expect(logged).toEqual([]);
  expect(sent).toBeGreaterThan(3000);
  expect(validReads).toBeGreaterThan(0);
  expect(checksum(db())).toBe(before);
  // Nothing reached Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(await backend.dispatch('store.stats', {})).toMatchObject({ ok: true });
}, 120_000);

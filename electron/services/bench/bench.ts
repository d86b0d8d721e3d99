import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '../../../shared/domain/dates.ts';
import { countywideMatrix } from '../countywide/countywide-handlers.ts';
import { buildCountywideReport, buildCspReport } from '../reports/build-reports.ts';
import { dashboardSummary } from '../dashboard/dashboard-summary.ts';
import { myDistrict } from '../progress/progress-service.ts';
import { findSimilar, searchRecommendations } from '../recommendations/similar.ts';
import { createStore, type Store } from '../store/open-store.ts';
import type { Db } from '../store/sqlite.ts';
import { BENCH_CLOCK, BENCH_PASSPHRASE, BENCH_TODAY, GENERATION_OPTIONS, ensureBenchStore, openBenchStore, type GeneratedStats } from './generate.ts';
import { ensurePlainCopy, openPlain } from './plain-copy.ts';
import { isScaleName, SCALE_NAMES, type ScaleName } from './scales.ts';

// `npm run bench -- [--scale county|region|national] [--json]`: times the
// operations people wait for, on a synthetic store of the chosen size,
// and (for reads) the same work on an unencrypted copy of that store.
// Each figure is the median and 95th percentile of repeated runs after a
// warm-up run, in milliseconds. The targets apply at national scale.

export interface Target {
  /** Which figure is compared: the 95th percentile, or the encrypted/plain ratio */
  metric: 'p95' | 'ratio';
  max: number;
}

export interface OperationResult {
  id: string;
  name: string;
  /** What exactly was timed */
  detail: string;
  available: boolean;
  samples: number;
  medianMs: number | null;
  p95Ms: number | null;
  plainMedianMs: number | null;
  plainP95Ms: number | null;
  /** Encrypted median / plain median */
  ratio: number | null;
  targets: Target[];
  /** null when no target applies (or at a scale where targets are not checked) */
  pass: boolean | null;
  note?: string;
}

export interface BenchReport {
  scale: ScaleName;
  today: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  store: GeneratedStats & { file: string; generatedNow: boolean };
  operations: OperationResult[];
  /** Every target met (national scale only; null elsewhere) */
  pass: boolean | null;
}

type Work = (db: Db) => unknown;

interface Operation {
  id: string;
  name: string;
  detail: string;
  /** Also run on the unencrypted copy, for the ratio */
  read: boolean;
  iterations: number;
  targets: Target[];
  work?: Work;
  /** Timed on its own (unlock, writes), instead of work against an open store */
  standalone?: () => unknown;
  /** Done before the timing: working copies, files, empty stores */
  setup?: (store: Store) => unknown;
  note?: string;
}

const READ_RATIO: Target = { metric: 'ratio', max: 1.3 };

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

async function time(work: () => unknown, iterations: number): Promise<number[]> {
  await work(); // warm-up: statements prepared, pages in the cache
  const samples: number[] = [];
  const budgetEnd = performance.now() + 60_000;
  for (let i = 0; i < iterations && (i < 3 || performance.now() < budgetEnd); i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

/**
 * The same work on the encrypted store and on the plain copy, taking turns
 * (and swapping which goes first), so both see the same load on the machine
 * and the ratio compares like with like.
 */
async function timePair(encrypted: () => unknown, plain: () => unknown, iterations: number): Promise<{ enc: number[]; plain: number[] }> {
  await encrypted();
  await plain();
  const enc: number[] = [];
  const pl: number[] = [];
  const budgetEnd = performance.now() + 120_000;
  const once = async (work: () => unknown, into: number[]) => {
    const start = performance.now();
    await work();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < iterations && (i < 3 || performance.now() < budgetEnd); i++) {
    if (i % 2 === 0) {
      await once(encrypted, enc);
      await once(plain, pl);
    } else {
      await once(plain, pl);
      await once(encrypted, enc);
    }
  }
  return { enc: enc.sort((a, b) => a - b), plain: pl.sort((a, b) => a - b) };
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/** The draft a chair might be writing: for the similar-recommendation lookup. */
const DRAFT =
  'The police should make sure officers complete a DASH risk assessment at every domestic abuse incident, recognise coercive control, and audit a sample of cases within six months.';
const SEARCHES = ['coercive control', 'MARAC referral', 'GP routine enquiry', 'housing homelessness', 'strangulation', 'IDVA hospital', 'economic abuse', 'stalking'];

interface Picks {
  /** A district of about 300 applicable recommendations, for the CSP report */
  reportDistrict: { id: string; name: string; applicable: number };
  /** The district with the most applicable recommendations, for My district */
  largestDistrict: { id: string; name: string; applicable: number };
  installationId: string;
}

function choose(store: Store): Picks {
  const { db } = store;
  const districts = db
    .prepare(`SELECT d.id, d.name, sum(a.decision = 'applicable') AS applicable FROM districts d JOIN applicability a ON a.district_id = d.id GROUP BY d.id`)
    .all() as Array<{ id: string; name: string; applicable: number }>;
  const reportDistrict = [...districts].sort((a, b) => Math.abs(a.applicable - 300) - Math.abs(b.applicable - 300) || a.name.localeCompare(b.name))[0]!;
  const largestDistrict = [...districts].sort((a, b) => b.applicable - a.applicable || a.name.localeCompare(b.name))[0]!;
  return { reportDistrict, largestDistrict, installationId: store.installationId };
}

function reportOperations(picks: Picks): Operation[] {
  const from = addDays(BENCH_TODAY, -365);
  const district = { id: picks.reportDistrict.id, name: picks.reportDistrict.name, retired: false };
  return [
    {
      id: 'cspReport',
      name: 'CSP report export',
      detail: `buildCspReport for ${district.name} (${picks.reportDistrict.applicable} applicable recommendations), as at today, draft`,
      read: true,
      iterations: 10,
      targets: [{ metric: 'p95', max: 1500 }, READ_RATIO],
      work: (db) => buildCspReport(db, { district, asAt: BENCH_TODAY, forPublication: false, today: BENCH_TODAY }),
    },
    {
      id: 'countywideReport',
      name: 'Countywide report export',
      // At national scale the year holds about 12,000 recommendations, so the report's matrix has a row per review.
      detail: `buildCountywideReport for the year to today (${from} to ${BENCH_TODAY}), draft`,
      read: true,
      iterations: 3,
      targets: [],
      work: (db) => buildCountywideReport(db, { from, to: BENCH_TODAY, forPublication: false, today: BENCH_TODAY }),
    },
  ];
}

async function operations(file: string, picks: Picks): Promise<Operation[]> {
  let search = 0;
  return [
    {
      id: 'unlock',
      name: 'Unlock',
      detail: 'openStore: passphrase check (read-only open), key derivation (PBKDF2, 256,000 rounds) twice, schema check; then close',
      read: false,
      iterations: 5,
      targets: [],
      standalone: () => openBenchStore(file).close(),
    },
    {
      id: 'dashboard',
      name: 'Dashboard aggregates',
      detail: 'dashboardSummary: counts by district and status, overdue list, reviews by stage, totals',
      read: true,
      iterations: 40,
      targets: [{ metric: 'p95', max: 50 }, READ_RATIO],
      work: (db) => dashboardSummary(db, BENCH_TODAY),
    },
    {
      id: 'myDistrict',
      name: 'My district view',
      detail: `myDistrict for ${picks.largestDistrict.name}, the largest district (${picks.largestDistrict.applicable} applicable recommendations)`,
      read: true,
      iterations: 20,
      targets: [READ_RATIO],
      work: (db) => myDistrict(db, picks.largestDistrict.id, BENCH_TODAY),
    },
    {
      id: 'matrixPage',
      name: 'Countywide matrix page',
      detail: 'countywideMatrix, first 100 rows, no filters',
      read: true,
      iterations: 40,
      targets: [READ_RATIO],
      work: (db) => countywideMatrix(db, {}, BENCH_TODAY, { limit: 100, offset: 0 }),
    },
    {
      id: 'search',
      name: 'Full-text search',
      detail: `searchRecommendations (recommendation_fts MATCH, best 200 by bm25), cycling ${SEARCHES.length} queries`,
      read: true,
      iterations: 80,
      targets: [{ metric: 'p95', max: 10 }, READ_RATIO],
      work: (db) => searchRecommendations(db, SEARCHES[search++ % SEARCHES.length]!, 200),
    },
    {
      id: 'similar',
      name: 'Similar-recommendation lookup',
      detail: 'findSimilar for one draft recommendation (limit 5)',
      read: true,
      iterations: 40,
      targets: [{ metric: 'p95', max: 50 }, READ_RATIO],
      work: (db) => findSimilar(db, DRAFT, { limit: 5 }, BENCH_TODAY),
    },
    ...reportOperations(picks),
    ...(await exchangeOperations(file, picks)),
  ];
}

/** A 200-row action plan in the Home Office template, as CSV: 100 recommendations of two actions each, with UK dates. */
export function legacyActionPlanCsv(agencies: readonly string[]): string {
  const q = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const rows = [['Recommendation', 'Scope of recommendation (local / regional / national)', 'Action to take', 'Lead agency', 'Key milestones achieved in enacting recommendation', 'Target date', 'Date of completion and outcome']];
  for (let i = 1; i <= 100; i++) {
    const agency = agencies[i % agencies.length]!;
    const text = `${agency} should review how staff identify and respond to domestic abuse in case group ${i} of the legacy plan, and audit a sample of records within twelve months.`;
    rows.push([text, i % 3 ? 'local' : 'regional', `Review the policy for case group ${i}`, agency, 'Policy drafted; consultation with staff.', `${String((i % 28) + 1).padStart(2, '0')}/03/2027`, '']);
    rows.push(['', '', `Audit a sample of records for case group ${i}`, i % 10 ? agency : 'Legacy Plan Advice Service (imported)', '', `${String((i % 28) + 1).padStart(2, '0')}/09/2027`, '']);
  }
  return `${rows.map((r) => r.map(q).join(',')).join('\r\n')}\r\n`;
}

const PACKAGE_PASSPHRASE = 'synthetic benchmark package';

/**
 * The exchange work (issue 8): importing a legacy action plan, and making
 * and importing a district's exchange package. Writes go to a working copy
 * of the store (or to new, empty stores), never to the cached one.
 */
async function exchangeOperations(file: string, picks: Picks): Promise<Operation[]> {
  let legacy: typeof import('../exchange/legacy-import.ts');
  let packs: typeof import('../exchange/pack-service.ts');
  try {
    legacy = await import('../exchange/legacy-import.ts');
    packs = await import('../exchange/pack-service.ts');
  } catch {
    return [
      { id: 'legacyImport', name: 'Import of a 200-row legacy action plan', detail: 'not available yet (issue 8)', read: false, iterations: 0, targets: [], note: 'not available yet' },
      { id: 'packageExport', name: 'Package export', detail: 'not available yet (issue 8)', read: false, iterations: 0, targets: [], note: 'not available yet' },
      { id: 'packageImport', name: 'Package import', detail: 'not available yet (issue 8)', read: false, iterations: 0, targets: [], note: 'not available yet' },
    ];
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dhr-bench-work-'));
  cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
  const district = picks.reportDistrict;
  const asStore = (db: Db, installationId: string) => ({ db, file, installationId, clock: BENCH_CLOCK, close() {} });

  // Legacy import: into a different review of a working copy each time.
  let copy: ReturnType<typeof openBenchStore> | null = null;
  let reviews: string[] = [];
  let next = 0;
  const csv = path.join(work, 'legacy action plan.csv');
  const openCopy = () => {
    if (copy) return copy;
    const target = path.join(work, 'working-copy.dhr');
    fs.copyFileSync(file, target);
    copy = openBenchStore(target);
    const opened = copy;
    cleanups.unshift(() => opened.close());
    const agencies = (opened.db.prepare(`SELECT name FROM agencies WHERE kind = 'local' ORDER BY name`).pluck().all() as string[]).slice(0, 12);
    fs.writeFileSync(csv, legacyActionPlanCsv(agencies));
    reviews = opened.db.prepare(`SELECT id FROM reviews WHERE date_of_death < '2020-01-01' ORDER BY reference`).pluck().all() as string[];
    return opened;
  };

  // Package import: a district's package, into a new empty store each time (made before the timing).
  const packageFile = path.join(work, 'district.dhrpack');
  const targets: Array<ReturnType<typeof createStore>> = [];
  let target = 0;

  return [
    {
      id: 'legacyImport',
      name: 'Import of a 200-row legacy action plan',
      detail: 'readActionPlanFile + previewActionPlan + applyActionPlan: a CSV in the Home Office template (100 recommendations, 200 actions) into a review of a working copy of the store',
      read: false,
      iterations: 8,
      targets: [],
      setup: () => void openCopy(),
      standalone: () => {
        const store = openCopy();
        const read = legacy.readActionPlanFile(csv);
        const preview = legacy.previewActionPlan(store.db, read, reviews[next++ % reviews.length]!, { today: BENCH_TODAY });
        return legacy.applyActionPlan(store, preview, {}, 'bench', BENCH_TODAY);
      },
    },
    {
      id: 'packageExport',
      name: 'Package export',
      detail: `buildPackage for ${district.name} (its reviews, recommendations, decisions and updates; scrypt key, AES-256-GCM), in memory`,
      read: true,
      iterations: 5,
      targets: [],
      work: (db) => packs.buildPackage(asStore(db, picks.installationId), { passphrase: PACKAGE_PASSPHRASE, districtId: district.id, includeRealNames: false, appVersion: 'bench' }),
    },
    {
      id: 'packageImport',
      name: 'Package import',
      detail: `readPackage + applyPackage: ${district.name}'s package (scrypt, decrypt, check, plan, write) into a new, empty store`,
      read: false,
      iterations: 5,
      targets: [],
      setup: async (store) => {
        const built = await packs.buildPackage(store, { passphrase: PACKAGE_PASSPHRASE, districtId: district.id, includeRealNames: false, appVersion: 'bench' });
        fs.writeFileSync(packageFile, built.bytes);
        for (let i = 0; i < 6; i++) {
          const empty = createStore(path.join(work, `empty-${i}.dhr`), BENCH_PASSPHRASE, GENERATION_OPTIONS);
          targets.push(empty);
          cleanups.unshift(() => empty.close());
        }
      },
      standalone: async () => {
        const read = await packs.readPackage(packageFile, PACKAGE_PASSPHRASE);
        return packs.applyPackage(targets[target++]!, read, 'bench');
      },
    },
  ];
}

/** Things to close and remove when the run ends. */
const cleanups: Array<() => void> = [];

export async function runBench(scale: ScaleName, log: (line: string) => void = () => {}, only?: readonly string[]): Promise<BenchReport> {
  const started = performance.now();
  const { file, stats, generated } = ensureBenchStore(scale, log);
  if (generated) log(`Generated the ${scale} store in ${(stats.generationMs / 1000).toFixed(1)} s`);
  if (!fs.existsSync(file.replace(/\.dhr$/, '.plain.sqlite'))) log(`Generating its unencrypted twin, for the encrypted/plain ratios`);
  const plainFile = ensurePlainCopy(file, scale);
  const store = openBenchStore(file);
  const plain = openPlain(plainFile);
  const results: OperationResult[] = [];
  try {
    const picks = choose(store);
    for (const op of await operations(file, picks)) {
      if (only && !only.includes(op.id)) continue;
      if (!op.work && !op.standalone) {
        results.push({ id: op.id, name: op.name, detail: op.detail, available: false, samples: 0, medianMs: null, p95Ms: null, plainMedianMs: null, plainP95Ms: null, ratio: null, targets: op.targets, pass: null, note: op.note });
        continue;
      }
      log(`Timing ${op.name}…`);
      await op.setup?.(store);
      let enc: number[];
      let pl: number[] | null = null;
      if (op.standalone) enc = await time(op.standalone, op.iterations);
      else if (op.read) ({ enc, plain: pl } = await timePair(() => op.work!(store.db), () => op.work!(plain), op.iterations));
      else enc = await time(() => op.work!(store.db), op.iterations);
      const median = percentile(enc, 0.5);
      const p95 = percentile(enc, 0.95);
      const plainMedian = pl ? percentile(pl, 0.5) : null;
      const ratio = plainMedian ? median / plainMedian : null;
      const checked = scale === 'national' && op.targets.length > 0;
      const pass = checked ? op.targets.every((t) => (t.metric === 'p95' ? p95 <= t.max : ratio !== null && ratio <= t.max)) : null;
      results.push({
        id: op.id,
        name: op.name,
        detail: op.detail,
        available: true,
        samples: enc.length,
        medianMs: round(median),
        p95Ms: round(p95),
        plainMedianMs: round(plainMedian),
        plainP95Ms: pl ? round(percentile(pl, 0.95)) : null,
        ratio: ratio === null ? null : Math.round(ratio * 100) / 100,
        targets: op.targets,
        pass,
        note: op.note,
      });
    }
  } finally {
    store.close();
    plain.close();
    for (const cleanup of cleanups.splice(0)) cleanup();
  }
  log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const checked = results.filter((r) => r.pass !== null);
  return {
    scale,
    today: BENCH_TODAY,
    machine: {
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    store: { ...stats, file, generatedNow: generated },
    operations: results,
    pass: scale === 'national' ? checked.every((r) => r.pass) : null,
  };
}

function targetWords(targets: readonly Target[]): string {
  return targets.map((t) => (t.metric === 'p95' ? `p95 ≤ ${t.max} ms` : `ratio ≤ ${t.max}`)).join(', ') || '—';
}

export function formatReport(report: BenchReport): string {
  const ms = (n: number | null) => (n === null ? '—' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
  const rows = report.operations.map((r) => [
    r.name,
    r.available ? String(r.samples) : '',
    r.available ? ms(r.medianMs) : (r.note ?? 'not available yet'),
    ms(r.p95Ms),
    ms(r.plainMedianMs),
    r.ratio === null ? '—' : r.ratio.toFixed(2),
    targetWords(r.targets),
    r.pass === null ? '' : r.pass ? 'met' : 'MISSED',
  ]);
  const head = ['Operation', 'n', 'median ms', 'p95 ms', 'plain median ms', 'enc/plain', 'target (national)', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 1 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const c = report.store.counts;
  return [
    `DHR Tracker benchmark: ${report.scale} scale, as at ${report.today}`,
    `Store: ${c.reviews} reviews, ${c.recommendations} recommendations, ${c.districts} districts, ${c.applicabilityDecisions} applicability decisions, ${c.progressUpdates} progress updates (${(c.fileBytes / 2 ** 20).toFixed(0)} MiB)`,
    `Generated in ${(report.store.generationMs / 1000).toFixed(1)} s${report.store.generatedNow ? '' : ' (cached: ' + path.basename(report.store.file) + ')'}`,
    `Machine: ${report.machine.cpus} cores (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, ${report.machine.platform}`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    ...report.operations.map((r) => `${r.name}: ${r.detail}`),
    ...(report.pass === null ? [] : ['', report.pass ? 'All national targets met.' : 'Some national targets were missed.']),
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  let scale: ScaleName = 'county';
  let json = false;
  let only: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--scale' || arg.startsWith('--scale=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value || !isScaleName(value)) {
        process.stderr.write(`bench: --scale must be one of ${SCALE_NAMES.join(', ')}.\n`);
        return 2;
      }
      scale = value;
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      only = (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[++i] ?? '')).split(',').filter(Boolean);
    } else {
      process.stderr.write(`bench: unknown option ${arg}. Usage: npm run bench -- [--scale ${SCALE_NAMES.join('|')}] [--json] [--only id,id]\n`);
      return 2;
    }
  }
  const report = await runBench(scale, (line) => process.stderr.write(`${line}\n`), only);
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  if (process.env.DHR_BENCH_OUT) fs.writeFileSync(process.env.DHR_BENCH_OUT, `${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

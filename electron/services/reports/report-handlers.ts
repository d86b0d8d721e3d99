import { todayOf } from '../../../shared/domain/clock.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Dialogs } from '../platform.ts';
import type { Emit, Session } from '../session/session.ts';
import type { Store } from '../store/open-store.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import { buildCountywideReport, buildCspReport, countywideReportSteps, cspReportSteps, saveReport, type BuiltReport } from './build-reports.ts';
import { districtById, type Step } from './report-common.ts';

// The board and countywide reports in the app: build the report from the
// unlocked store, telling the window how far it has got (task.progress) and
// letting the event loop run between steps so the app stays responsive;
// refuse it for publication if a real name is in it; then ask where to save
// it, write it whole or not at all, and audit the export.

type ReportTask = 'reports.cspProgress' | 'reports.countywide';

/** A tick of the event loop: other requests, window events and timers run. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

function closedMidway(): AppError {
  return new AppError('CONFLICT', 'The store was locked or closed while the report was being made, so nothing was exported. Unlock it and export again.');
}

export function reportHandlers(session: Session, dialogs: Dialogs, emit: Emit): PartialHandlers<ReportTask> {
  const today = () => todayOf(session.clock);
  /** True while the store the report is being made from is still the open one. */
  function stillOpen(store: Store): boolean {
    try {
      return session.requireStore() === store;
    } catch {
      return false;
    }
  }

  /** Steps that report progress, yield to the event loop, and stop if the store closed meanwhile. */
  function stepper(task: ReportTask, store: Store, total: number) {
    let done = 0;
    const progress = (label: string) => emit('task.progress', { task, label, done: Math.min(done, total), total });
    const step: Step = async (label) => {
      progress(label);
      done++;
      await breathe();
      if (!stillOpen(store)) throw closedMidway();
    };
    return { step, progress, complete: (label: string) => emit('task.progress', { task, label, done: total, total }) };
  }

  async function save(task: ReportTask, store: Store, built: BuiltReport, steps: ReturnType<typeof stepper>) {
    const chosen = await dialogs.chooseExportFile({ title: built.dialogTitle, defaultName: built.defaultName, extension: 'docx' });
    if (!chosen) {
      steps.complete('Not saved');
      return { file: null, bytes: null };
    }
    // The store may have locked (or another been opened) while the dialog was up: then write nothing.
    if (!stillOpen(store)) throw new AppError('CONFLICT', 'The store was closed while you chose where to save, so nothing was exported. Export again.');
    await steps.step('Saving the Word document');
    const written = saveReport(store, built, chosen, actorName(readSettings(store.db)));
    steps.complete(`Saved ${task === 'reports.cspProgress' ? 'the CSP progress report' : 'the countywide learning report'}`);
    return written;
  }

  return {
    'reports.cspProgress': async ({ districtId, asAt, forPublication, reviewedFirstNames }) => {
      const store = session.requireStore();
      // Refused before any work or dialog: an unknown or retired district.
      const district = districtById(store.db, districtId);
      const steps = stepper('reports.cspProgress', store, cspReportSteps(asAt, forPublication));
      const built = await buildCspReport(store.db, { district, asAt, forPublication, reviewedFirstNames, today: today(), step: steps.step });
      return save('reports.cspProgress', store, built, steps);
    },
    'reports.countywide': async ({ from, to, forPublication, reviewedFirstNames }) => {
      const store = session.requireStore();
      const steps = stepper('reports.countywide', store, countywideReportSteps(forPublication));
      const built = await buildCountywideReport(store.db, { from, to, forPublication, reviewedFirstNames, today: today(), step: steps.step });
      return save('reports.countywide', store, built, steps);
    },
  };
}

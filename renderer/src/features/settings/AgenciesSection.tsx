import { useRef, useState, type FormEvent } from 'react';
import { AGENCY_KINDS, type AgencyKind } from '../../../../shared/domain/vocabulary.ts';
import type { Agency } from '../../../../shared/ipc/partnership-schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { call } from '../../app/api-client.ts';
import { ItemTable, type ExtraColumn } from './ItemTable.tsx';
import { ProblemAlert } from './problems.tsx';
import { useListWrites, type SectionProps } from './use-list-writes.ts';

export const AGENCY_KIND_WORDS: Record<AgencyKind, string> = {
  local: 'Local agency',
  national: 'National body',
};
const KIND_OPTIONS = AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_WORDS[k] }));
const KIND_HINT = 'National bodies include government departments and the Home Office.';

const isKind = (value: string | undefined): value is AgencyKind => (AGENCY_KINDS as readonly string[]).includes(value ?? '');

const COLUMNS: ReadonlyArray<ExtraColumn<Agency>> = [
  { key: 'kind', header: 'Kind', show: (a) => AGENCY_KIND_WORDS[a.kind], value: (a) => a.kind, label: (a) => `Kind of body for ${a.name}`, options: KIND_OPTIONS },
];

/** The agencies on panels, writing IMRs, leading actions and receiving recommendations. */
export function AgenciesSection({ agencies, ...section }: SectionProps & { agencies: readonly Agency[] }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AgencyKind>('local');
  const addForm = useRef<HTMLFormElement>(null);
  const { problem, addFields: fields, run } = useListWrites(section);

  async function add(event: FormEvent) {
    event.preventDefault();
    const refused = await run('The agency was not added', () => call('agencies.add', { name, kind }), (a) => `Added the agency ${a.name}.`, 'add');
    if (!refused) {
      setName('');
      addForm.current?.querySelector('input')?.focus();
    }
  }

  return (
    <section aria-labelledby="agencies-heading" className="panel settings-list">
      <h2 id="agencies-heading">Agencies</h2>
      <p className="hint">
        Local agencies sit on review panels, write IMRs and lead actions. National bodies, such as government departments, receive national recommendations.
        Retiring an agency keeps it on the records that already use it.
      </p>
      {problem ? <ProblemAlert title={problem.title} problem={problem.problem} /> : null}
      {section.notice ? <Alert kind="success">{section.notice}</Alert> : null}
      <form ref={addForm} onSubmit={(e) => void add(e)} noValidate aria-labelledby="add-agency-heading" className="settings-add">
        <h3 id="add-agency-heading">Add an agency</h3>
        <div className="settings-add__row">
          <Field label="Agency name" hint="Such as Cambridgeshire Constabulary." value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
          <SelectField label="Kind" hint={KIND_HINT} options={KIND_OPTIONS} value={kind} onChange={(e) => isKind(e.target.value) && setKind(e.target.value)} error={fields.kind} />
          <button type="submit" className="button settings-add__button">
            Add agency
          </button>
        </div>
      </form>
      {agencies.length ? (
        <ItemTable
          label="Agencies"
          items={agencies}
          columns={COLUMNS}
          onSave={(a, values) =>
            run(
              `${a.name} was not changed`,
              () => call('agencies.update', { id: a.id, name: values.name ?? a.name, kind: isKind(values.kind) ? values.kind : a.kind }),
              (saved) => `Saved ${saved.name}.`,
            )
          }
          onRetire={(a, retired) =>
            run(
              `${a.name} was not ${retired ? 'retired' : 'unretired'}`,
              () => call('agencies.update', { id: a.id, retired }),
              (saved) => (retired ? `Retired ${saved.name}. It stays on the records that use it.` : `Unretired ${saved.name}.`),
            )
          }
        />
      ) : (
        <p>There are no agencies yet.</p>
      )}
    </section>
  );
}

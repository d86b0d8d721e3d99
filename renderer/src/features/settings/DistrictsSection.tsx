import { useRef, useState, type FormEvent } from 'react';
import type { District } from '../../../../shared/ipc/partnership-schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { call } from '../../app/api-client.ts';
import { ItemTable, type ExtraColumn } from './ItemTable.tsx';
import { ProblemAlert } from './problems.tsx';
import { useListWrites, type SectionProps } from './use-list-writes.ts';

const SHORT_CODE_HINT = 'Up to 8 letters, digits or hyphens, such as FL.';

const COLUMNS: ReadonlyArray<ExtraColumn<District>> = [
  { key: 'shortName', header: 'Short code', show: (d) => d.shortName, value: (d) => d.shortName, label: (d) => `Short code for ${d.name}`, hint: SHORT_CODE_HINT, short: true },
];

/** The partnership's districts: one Community Safety Partnership each. */
export function DistrictsSection({ districts, ...section }: SectionProps & { districts: readonly District[] }) {
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const addForm = useRef<HTMLFormElement>(null);
  const { problem, addFields: fields, run } = useListWrites(section);

  async function add(event: FormEvent) {
    event.preventDefault();
    const refused = await run('The district was not added', () => call('districts.add', { name, shortName }), (d) => `Added the district ${d.name}.`, 'add');
    if (!refused) {
      setName('');
      setShortName('');
      addForm.current?.querySelector('input')?.focus();
    }
  }

  return (
    <section aria-labelledby="districts-heading" className="panel settings-list">
      <h2 id="districts-heading">Districts (CSPs)</h2>
      <p className="hint">
        Each district is one Community Safety Partnership in the county. Every recommendation is considered for every district that is not retired. Retiring a
        district keeps it on the records that already use it; nothing is deleted, and you can unretire it at any time.
      </p>
      {problem ? <ProblemAlert title={problem.title} problem={problem.problem} /> : null}
      {section.notice ? <Alert kind="success">{section.notice}</Alert> : null}
      <form ref={addForm} onSubmit={(e) => void add(e)} noValidate aria-labelledby="add-district-heading" className="settings-add">
        <h3 id="add-district-heading">Add a district</h3>
        <div className="settings-add__row">
          <Field label="District name" hint="Such as Fenland." value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
          <Field label="Short code" hint={SHORT_CODE_HINT} value={shortName} onChange={(e) => setShortName(e.target.value)} error={fields.shortName} className="input--short" />
          <button type="submit" className="button settings-add__button">
            Add district
          </button>
        </div>
      </form>
      {districts.length ? (
        <ItemTable
          label="Districts"
          items={districts}
          columns={COLUMNS}
          onSave={(d, values) =>
            run(`${d.name} was not changed`, () => call('districts.update', { id: d.id, name: values.name ?? d.name, shortName: values.shortName ?? d.shortName }), (saved) => `Saved ${saved.name}.`)
          }
          onRetire={(d, retired) =>
            run(
              `${d.name} was not ${retired ? 'retired' : 'unretired'}`,
              () => call('districts.update', { id: d.id, retired }),
              (saved) => (retired ? `Retired ${saved.name}. It stays on the records that use it.` : `Unretired ${saved.name}.`),
            )
          }
        />
      ) : (
        <p>There are no districts yet. Add each Community Safety Partnership in the county.</p>
      )}
    </section>
  );
}

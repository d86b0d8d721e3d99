import { useRef, useState, type FormEvent } from 'react';
import { THEME_CATEGORIES, THEME_CATEGORY_WORDS, type ThemeCategory } from '../../../../shared/domain/vocabulary.ts';
import type { Theme } from '../../../../shared/ipc/partnership-schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { call } from '../../app/api-client.ts';
import { ItemTable } from './ItemTable.tsx';
import { ProblemAlert } from './problems.tsx';
import { useListWrites, type SectionProps } from './use-list-writes.ts';

const CATEGORY_OPTIONS = THEME_CATEGORIES.map((c) => ({ value: c, label: THEME_CATEGORY_WORDS[c] }));
const isCategory = (value: string): value is ThemeCategory => (THEME_CATEGORIES as readonly string[]).includes(value);

/** The themes taxonomy that reviews and recommendations are tagged with, grouped by category. */
export function ThemesSection({ themes, ...section }: SectionProps & { themes: readonly Theme[] }) {
  const [name, setName] = useState('');
  const [category, setCategory] = useState<ThemeCategory>('home_office_theme');
  const addForm = useRef<HTMLFormElement>(null);
  const { problem, addFields: fields, run } = useListWrites(section);

  async function add(event: FormEvent) {
    event.preventDefault();
    const refused = await run(
      'The theme was not added',
      () => call('themes.add', { name, category }),
      (t) => `Added the theme ${t.name} under ${THEME_CATEGORY_WORDS[t.category]}.`,
      'add',
    );
    if (!refused) {
      setName('');
      addForm.current?.querySelector('input')?.focus();
    }
  }

  return (
    <section aria-labelledby="themes-heading" className="panel settings-list">
      <h2 id="themes-heading">Themes</h2>
      <p className="hint">
        Reviews and recommendations are tagged with these themes, so learning can be seen across reviews. They start as the Home Office key themes, the issues
        for practice and the Home Office DHR Library filters; add your own under any category. Names must differ within a category.
      </p>
      {problem ? <ProblemAlert title={problem.title} problem={problem.problem} /> : null}
      {section.notice ? <Alert kind="success">{section.notice}</Alert> : null}
      <form ref={addForm} onSubmit={(e) => void add(e)} noValidate aria-labelledby="add-theme-heading" className="settings-add">
        <h3 id="add-theme-heading">Add a theme</h3>
        <div className="settings-add__row">
          <SelectField label="Category" options={CATEGORY_OPTIONS} value={category} onChange={(e) => isCategory(e.target.value) && setCategory(e.target.value)} error={fields.category} />
          <Field label="Theme name" hint="Such as Honour-based abuse." value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
          <button type="submit" className="button settings-add__button">
            Add theme
          </button>
        </div>
      </form>
      {THEME_CATEGORIES.map((c) => {
        const inCategory = themes.filter((t) => t.category === c);
        if (!inCategory.length) return null;
        return (
          <section key={c} aria-labelledby={`themes-${c}`} className="settings-themes">
            <h3 id={`themes-${c}`}>
              {THEME_CATEGORY_WORDS[c]} <span className="settings-count">({inCategory.length})</span>
            </h3>
            <ItemTable
              label={`Themes: ${THEME_CATEGORY_WORDS[c]}`}
              items={inCategory}
              onSave={(t, values) => run(`${t.name} was not renamed`, () => call('themes.update', { id: t.id, name: values.name ?? t.name }), (saved) => `Saved ${saved.name}.`)}
              onRetire={(t, retired) =>
                run(
                  `${t.name} was not ${retired ? 'retired' : 'unretired'}`,
                  () => call('themes.update', { id: t.id, retired }),
                  (saved) => (retired ? `Retired ${saved.name}. It stays on the records tagged with it.` : `Unretired ${saved.name}.`),
                )
              }
            />
          </section>
        );
      })}
    </section>
  );
}

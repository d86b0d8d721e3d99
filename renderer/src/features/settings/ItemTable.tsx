import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Field } from '../../components/Field.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { usedBy, type Problem } from './problems.tsx';

/** What every partnership list item has. */
export interface ListItem {
  id: string;
  name: string;
  retired: boolean;
  inUse: number;
}

/** A column beyond the name (short code, kind), shown in the table and editable beside the name. */
export interface ExtraColumn<T> {
  /** The field's key in the update request, and in main's field errors */
  key: string;
  header: string;
  show: (item: T) => string;
  value: (item: T) => string;
  label: (item: T) => string;
  hint?: string;
  /** A drop-down instead of a text box */
  options?: ReadonlyArray<{ value: string; label: string }>;
  short?: boolean;
}

interface ItemTableProps<T extends ListItem> {
  /** Names the scrolling region and the table, such as "Districts" */
  label: string;
  items: readonly T[];
  columns?: ReadonlyArray<ExtraColumn<T>>;
  /** Save an edit; resolves with the problem when it was refused, or null when saved. values holds name and each column's key. */
  onSave: (item: T, values: Record<string, string>) => Promise<Problem | null>;
  onRetire: (item: T, retired: boolean) => Promise<Problem | null>;
}

interface Editing {
  id: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}

/**
 * One partnership list as a table: each item's name, extra columns, whether
 * it is retired (in words), how many records use it, and buttons to rename,
 * retire and unretire it. Renaming turns the row into a small form; Escape
 * or Cancel leaves it, and focus goes back to the item's Rename button.
 */
export function ItemTable<T extends ListItem>({ label, items, columns = [], onSave, onRetire }: ItemTableProps<T>) {
  const [editing, setEditing] = useState<Editing | null>(null);
  /** A request is on its way: a second click or Enter does nothing until it returns. */
  const busy = useRef(false);
  const renameButtons = useRef(new Map<string, HTMLButtonElement>());
  const returnFocusTo = useRef<string | null>(null);

  useEffect(() => {
    if (editing || !returnFocusTo.current) return;
    renameButtons.current.get(returnFocusTo.current)?.focus();
    returnFocusTo.current = null;
  }, [editing]);

  function startEditing(item: T) {
    const values: Record<string, string> = { name: item.name };
    for (const c of columns) values[c.key] = c.value(item);
    setEditing({ id: item.id, values, errors: {} });
  }

  function stopEditing(id: string) {
    returnFocusTo.current = id;
    setEditing(null);
  }

  const setValue = (key: string, value: string) => setEditing((e) => (e ? { ...e, values: { ...e.values, [key]: value } } : e));

  async function save(event: FormEvent, item: T) {
    event.preventDefault();
    if (!editing || busy.current) return;
    busy.current = true;
    try {
      const problem = await onSave(item, editing.values);
      if (problem) setEditing((e) => (e ? { ...e, errors: problem.fields } : e));
      else stopEditing(item.id);
    } finally {
      busy.current = false;
    }
  }

  async function toggleRetired(item: T) {
    if (busy.current) return;
    busy.current = true;
    try {
      await onRetire(item, !item.retired);
    } finally {
      busy.current = false;
    }
  }

  function onEditorKey(event: KeyboardEvent, item: T) {
    if (event.key === 'Escape') {
      event.preventDefault();
      stopEditing(item.id);
    }
  }

  const width = columns.length + 4;
  return (
    <ScrollRegion label={`${label} table`}>
      <table className="item-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {columns.map((c) => (
              <th scope="col" key={c.key}>
                {c.header}
              </th>
            ))}
            <th scope="col">Status</th>
            <th scope="col">Use</th>
            <th scope="col">
              <span className="visually-hidden">Changes</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) =>
            editing?.id === item.id ? (
              <tr key={item.id} className="item-table__editing">
                <td colSpan={width}>
                  <form className="item-editor" noValidate aria-label={`Rename ${item.name}`} onSubmit={(e) => void save(e, item)} onKeyDown={(e) => onEditorKey(e, item)}>
                    <Field
                      label={`New name for ${item.name}`}
                      hint="The new name shows everywhere this is used, including records already made."
                      value={editing.values.name ?? ''}
                      onChange={(e) => setValue('name', e.target.value)}
                      error={editing.errors.name}
                      autoFocus
                    />
                    {columns.map((c) =>
                      c.options ? (
                        <SelectField
                          key={c.key}
                          label={c.label(item)}
                          hint={c.hint}
                          options={c.options}
                          value={editing.values[c.key] ?? ''}
                          onChange={(e) => setValue(c.key, e.target.value)}
                          error={editing.errors[c.key]}
                        />
                      ) : (
                        <Field
                          key={c.key}
                          label={c.label(item)}
                          hint={c.hint}
                          value={editing.values[c.key] ?? ''}
                          onChange={(e) => setValue(c.key, e.target.value)}
                          error={editing.errors[c.key]}
                          className={c.short ? 'input--short' : undefined}
                        />
                      ),
                    )}
                    <div className="item-editor__buttons">
                      <button type="submit" className="button">
                        Save
                      </button>
                      <button type="button" className="button button--secondary" onClick={() => stopEditing(item.id)}>
                        Cancel
                      </button>
                    </div>
                  </form>
                </td>
              </tr>
            ) : (
              <tr key={item.id} className={item.retired ? 'item-table__retired' : undefined}>
                <th scope="row">{item.name}</th>
                {columns.map((c) => (
                  <td key={c.key}>{c.show(item)}</td>
                ))}
                <td>{item.retired ? <span className="item-state item-state--retired">Retired</span> : <span className="item-state">Active</span>}</td>
                <td>{usedBy(item.inUse)}</td>
                <td>
                  <div className="item-actions">
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={`Rename ${item.name}`}
                      ref={(el) => {
                        if (el) renameButtons.current.set(item.id, el);
                        else renameButtons.current.delete(item.id);
                      }}
                      onClick={() => startEditing(item)}
                    >
                      Rename
                    </button>
                    <button type="button" className="button button--secondary" aria-label={`${item.retired ? 'Unretire' : 'Retire'} ${item.name}`} onClick={() => void toggleRetired(item)}>
                      {item.retired ? 'Unretire' : 'Retire'}
                    </button>
                  </div>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

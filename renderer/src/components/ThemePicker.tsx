import { THEME_CATEGORIES, THEME_CATEGORY_WORDS } from '../../../shared/domain/vocabulary.ts';
import type { Theme } from '../../../shared/ipc/partnership-schemas.ts';

/** Themes and flags from the taxonomy as checkboxes, grouped by category. Retired themes show only if already chosen. */
export function ThemePicker({ themes, selected, onChange, error, id = 'themeIds', hint }: { themes: readonly Theme[]; selected: readonly string[]; onChange: (ids: string[]) => void; error?: string; id?: string; hint?: string }) {
  const chosen = new Set(selected);
  const toggle = (id: string) => onChange(chosen.has(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  return (
    <fieldset className="theme-picker" id={id}>
      <legend>Themes and flags</legend>
      <p className="field__hint">
        {hint ?? "Choose every theme from the partnership's taxonomy that applies."} {chosen.size} chosen.
      </p>
      {error ? <p className="field__error">{error}</p> : null}
      {THEME_CATEGORIES.map((category) => {
        const items = themes.filter((t) => t.category === category && (!t.retired || chosen.has(t.id)));
        if (!items.length) return null;
        return (
          <fieldset key={category} className="theme-picker__group">
            <legend>{THEME_CATEGORY_WORDS[category]}</legend>
            <ul className="checkboxes">
              {items.map((t) => (
                <li key={t.id}>
                  <label>
                    <input type="checkbox" checked={chosen.has(t.id)} onChange={() => toggle(t.id)} /> {t.name}
                    {t.retired ? ' (retired)' : ''}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </fieldset>
  );
}

import { OFFICIAL_SCALE, type BallotOption } from '../../../shared/ballots/scale.js';
import { useI18n } from '../i18n/I18nProvider.js';

interface Props {
  options: BallotOption[];
  onChange: (options: BallotOption[]) => void;
  nextId: (options: BallotOption[]) => string;
}

/** A choice's options, each in both languages of the app; at least two, at most twenty. */
export function OptionsEditor({ options, onChange, nextId }: Props) {
  const { t } = useI18n();
  const f = t.ballots.form;
  const change = (i: number, field: 'vi' | 'en', value: string) => onChange(options.map((o, j) => (j === i ? { ...o, [field]: value } : o)));
  return (
    <fieldset className="field field-wide options-editor" data-testid="ballot-options">
      <legend>{f.options}</legend>
      <div className="presets">
        <button type="button" className="btn btn-ghost" onClick={() => onChange(OFFICIAL_SCALE)}>
          {f.officialLevels}
        </button>
      </div>
      <ol className="option-rows">
        {options.map((o, i) => (
          <li key={o.id} className="option-row">
            <input
              value={o.vi}
              maxLength={200}
              aria-label={`${f.optionVi} ${i + 1}`}
              placeholder={f.optionVi}
              onChange={(e) => change(i, 'vi', e.target.value)}
              data-testid={`option-vi-${i}`}
            />
            <input
              value={o.en}
              maxLength={200}
              aria-label={`${f.optionEn} ${i + 1}`}
              placeholder={f.optionEn}
              onChange={(e) => change(i, 'en', e.target.value)}
              data-testid={`option-en-${i}`}
            />
            <button
              type="button"
              className="btn btn-ghost btn-icon"
              aria-label={f.removeOption}
              title={f.removeOption}
              disabled={options.length <= 2}
              onClick={() => onChange(options.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      {options.length < 20 && (
        <button type="button" className="btn btn-secondary" data-testid="option-add" onClick={() => onChange([...options, { id: nextId(options), vi: '', en: '' }])}>
          {f.addOption}
        </button>
      )}
    </fieldset>
  );
}

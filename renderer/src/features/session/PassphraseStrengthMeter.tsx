import { passphraseStrength } from '../../../../shared/domain/passphrase.ts';

/** Live feedback on a new passphrase: a labelled meter, its verdict in words, and how to improve it. */
export function PassphraseStrengthMeter({ passphrase, id }: { passphrase: string; id: string }) {
  const strength = passphraseStrength(passphrase);
  return (
    <div className="strength" id={id}>
      <div className="strength__row">
        <meter className="strength__meter" min={0} max={4} low={2} high={3} optimum={4} value={strength.score} aria-label="Passphrase strength" />
        <span className={`strength__label strength__label--${strength.score}`}>Strength: {strength.label}</span>
      </div>
      {passphrase && strength.hints.length ? (
        <ul className="strength__hints">
          {strength.hints.map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

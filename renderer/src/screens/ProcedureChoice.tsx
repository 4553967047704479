import { useUiText } from '../hooks/useUiText';
import { useKiosk } from '../kiosk-context';
import { useCall } from '../hooks/useCall';
import { proceduresInput } from '../preload-language';

/** When the content has several procedures, the patient picks the one they came for. */
export function ProcedureChoice() {
  const { t } = useUiText();
  const { dispatch, locale } = useKiosk();
  const procedures = useCall('listProcedures', proceduresInput(locale.code));
  return (
    <section className="procedure-choice">
      <h1>{t('procedures.title')}</h1>
      <ul className="tiles">
        {procedures.state === 'ready' &&
          procedures.value.map((p) => (
            <li key={p.id}>
              <button type="button" className="tile" data-procedure={p.id} onClick={() => dispatch({ type: 'chooseProcedure', procedureId: p.id })}>
                <span className="tile-title">{p.name}</span>
                <span className="tile-summary">{p.tagline}</span>
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}

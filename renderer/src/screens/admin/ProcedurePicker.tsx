import { useUiText } from '../../hooks/useUiText';
import { useAdmin } from './admin-context';
import { Field } from '../../forms/Field';

/** The procedure a tab works on; shared by every tab. */
export function ProcedurePicker({ id }: { id: string }) {
  const { t } = useUiText();
  const { procedures, procedureId, setProcedureId } = useAdmin();
  return (
    <Field id={id} label={t('admin.procedure')}>
      <select id={id} value={procedureId} onChange={(e) => setProcedureId(e.target.value)}>
        {procedures.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

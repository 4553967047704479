import { MAX_PICTURE_BYTES } from '../../../../electron/shared/picture-limits';
import { useUiText } from '../../hooks/useUiText';
import { callApi } from '../../api/client';
import { useAdmin } from './admin-context';
import { ActionNotes, base64Of, imageTypeOf, LoadState, readAsDataUrl, useLoad } from './admin-shared';
import { useAction } from '../../forms/useAction';
import { ProcedurePicker } from './ProcedurePicker';
import type { Illustration } from '../../../../electron/shared/content-types';

const MAX_BYTES = MAX_PICTURE_BYTES;

/** The home picture and the walkthrough pictures, each with "Replace". */
export function IllustrationsTab() {
  const { t } = useUiText();
  const { procedureId } = useAdmin();
  const input = procedureId ? { procedureId, locale: 'en' } : null;
  const [home, reloadHome] = useLoad('getProcedureHome', input);
  const [walk, reloadWalk] = useLoad('getWalkthrough', input);
  if (home.state !== 'ready' || walk.state !== 'ready')
    return (
      <>
        <ProcedurePicker id="pictures-procedure" />
        <LoadState loaded={home.state !== 'ready' ? home : walk} />
      </>
    );

  const pictures: { where: string; illustration: Illustration }[] = [];
  if (home.value.hero) pictures.push({ where: t('admin.pictures.hero'), illustration: home.value.hero });
  walk.value.steps.forEach((s, i) => {
    if (s.illustration && !pictures.some((p) => p.illustration.id === s.illustration!.id))
      pictures.push({ where: t('admin.pictures.step', { number: i + 1, title: s.title }), illustration: s.illustration });
  });
  const reload = () => {
    reloadHome();
    reloadWalk();
  };
  return (
    <div className="pictures-tab">
      <div className="admin-controls">
        <ProcedurePicker id="pictures-procedure" />
      </div>
      <p className="admin-intro">{t('admin.pictures.intro')}</p>
      <ul className="picture-list">
        {pictures.map((p) => (
          <PictureCard key={p.illustration.id} where={p.where} illustration={p.illustration} procedureId={procedureId} onReplaced={reload} />
        ))}
      </ul>
    </div>
  );
}

function PictureCard({ where, illustration, procedureId, onReplaced }: { where: string; illustration: Illustration; procedureId: string; onReplaced: () => void }) {
  const { t } = useUiText();
  const action = useAction();
  const inputId = `picture-${illustration.id}`;

  const replace = async (file: File | undefined) => {
    action.clear();
    if (!file) return;
    const mediaType = imageTypeOf(file);
    if (!mediaType) return action.fail(t('admin.pictures.wrongType'));
    if (file.size > MAX_BYTES) return action.fail(t('admin.pictures.tooLarge', { mb: MAX_BYTES / 1048576 }));
    await action.run(async () => {
      const data = base64Of(await readAsDataUrl(file));
      await callApi('adminReplaceIllustration', { procedureId, illustrationId: illustration.id, mediaType, data });
      onReplaced();
      return t('admin.pictures.replaced', { file: file.name });
    });
  };

  return (
    <li className="picture-card" data-illustration={illustration.id}>
      <img src={illustration.src} alt={illustration.alt} />
      <div className="picture-info">
        <h3>{where}</h3>
        <p>
          <span className="tr-label">{t('admin.pictures.id')}</span> <code>{illustration.id}</code>
        </p>
        <p>
          <span className="tr-label">{t('admin.pictures.alt')}</span> {illustration.alt}
        </p>
        <div className="field">
          <label htmlFor={inputId}>{t('admin.pictures.replace')}</label>
          <input
            id={inputId}
            type="file"
            accept=".svg,.png,.webp,image/svg+xml,image/png,image/webp"
            disabled={action.busy}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              void replace(file);
            }}
          />
          <p className="field-hint" id={`${inputId}-hint`}>
            {t('admin.pictures.hint')}
          </p>
        </div>
        <ActionNotes action={action} />
      </div>
    </li>
  );
}

import { useUiText } from '../hooks/useUiText';
import type { TextProvenance } from '../../../electron/shared/content-types';

/** A small, calm note when content is a draft or partly shown in English. */
export function ProvenanceNote({ provenance }: { provenance: TextProvenance }) {
  const { t } = useUiText();
  if (provenance.status === 'approved' && !provenance.fallback) return null;
  return (
    <p className="provenance" role="note">
      {provenance.status !== 'approved' && <span>{t('review.draft')}</span>}
      {provenance.fallback && <span>{t('review.fallback')}</span>}
    </p>
  );
}

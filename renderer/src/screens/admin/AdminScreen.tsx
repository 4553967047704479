import { useEffect, useMemo, useRef, useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { useKiosk } from '../../kiosk-context';
import { callApi } from '../../api/client';
import { AdminContext, directionOf, type AdminContextValue } from './admin-context';
import { languageName, LoadState, useLoad } from './admin-shared';
import { ContentTab } from './ContentTab';
import { MatrixTab } from './MatrixTab';
import { IllustrationsTab } from './IllustrationsTab';
import { PacksTab } from './PacksTab';
import { VersionsTab } from './VersionsTab';
import { SettingsTab } from './SettingsTab';
import { SiteExportPanel } from './SiteExportPanel';
import { AuditTab } from './AuditTab';
import { UsageTab } from './UsageTab';
import { BackupTab } from './BackupTab';
import type { Locale } from '../../../../electron/shared/content-types';
import { BASE_FONT } from '../../../../electron/shared/fonts';
import '../../styles/staff.css';
import '../../styles/admin.css';

const tabs = ['content', 'matrix', 'illustrations', 'packs', 'versions', 'settings', 'audit', 'usage', 'backup'] as const;
type TabId = (typeof tabs)[number];

/** Admin area: content editing and review, packs, versions, settings, audit, usage, backup. */
export function AdminScreen() {
  const { t } = useUiText();
  const { dispatch, procedureId: firstProcedure, locale } = useKiosk();
  const [tab, setTab] = useState<TabId>('content');
  const [procedureId, setProcedureId] = useState(firstProcedure);
  const [procedures] = useLoad('listProcedures', { locale: locale.code });
  const [known] = useLoad('adminListLocales', {});
  // The matrix names every language in the content, also those switched off in Settings.
  const [matrix] = useLoad('adminTranslationMatrix', procedureId ? { procedureId } : null);
  const restartNeeded = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => {
    if (!procedureId && procedures.state === 'ready' && procedures.value[0]) setProcedureId(procedures.value[0].id);
  }, [procedureId, procedures]);

  const languages = useMemo<Locale[]>(() => {
    const all = known.state === 'ready' ? known.value : [];
    const codes = [...new Set([...(matrix.state === 'ready' ? matrix.value.locales : []), ...all.map((l) => l.code)])];
    return codes.map((code) => {
      const direction = directionOf(code);
      return all.find((l) => l.code === code) ?? { code, nativeName: languageName(code, []), englishName: languageName(code, []), direction, font: direction === 'rtl' ? '@fontsource/noto-sans-arabic' : BASE_FONT };
    });
  }, [known, matrix]);

  const value: AdminContextValue = {
    procedures: procedures.state === 'ready' ? procedures.value : [],
    procedureId,
    setProcedureId,
    languages,
    markRestartNeeded: () => {
      restartNeeded.current = true;
    },
  };

  const choose = (id: TabId) => {
    setTab(id);
    // Screen-reader users land on the new section's heading.
    requestAnimationFrame(() => heading.current?.focus());
  };

  /** Signs out. After a restore the page starts afresh so the patient screens read the restored data (saved settings apply at once). */
  const signOut = async () => {
    if (!restartNeeded.current) {
      dispatch({ type: 'reset' });
      return;
    }
    setSigningOut(true);
    await callApi('staffSignOut', {}).catch(() => undefined);
    window.location.reload();
  };

  const ready = procedures.state === 'ready' && known.state === 'ready' && matrix.state === 'ready' && languages.length > 0;
  return (
    <AdminContext.Provider value={value}>
      <section className="admin">
        <header className="admin-header">
          <h1>{t('admin.title')}</h1>
          <div className="admin-header-actions">
            <button type="button" className="secondary" onClick={() => dispatch({ type: 'navigate', screen: { name: 'staff-menu' } })}>
              {t('admin.backToMenu')}
            </button>
            <button type="button" className="secondary" onClick={() => void signOut()} disabled={signingOut}>
              {t('admin.signOut')}
            </button>
          </div>
        </header>
        <div className="admin-layout">
          <nav className="admin-nav" aria-label={t('admin.sections')}>
            <ul>
              {tabs.map((id) => (
                <li key={id}>
                  <button type="button" aria-current={tab === id ? 'page' : undefined} data-tab={id} onClick={() => choose(id)}>
                    {t(`admin.tabs.${id}`)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="admin-panel">
            <h2 ref={heading} tabIndex={-1} className="admin-panel-title">
              {t(`admin.tabs.${tab}`)}
            </h2>
            {!ready ? (
              <LoadState loaded={[procedures, known, matrix].find((l) => l.state === 'error') ?? { state: 'loading' }} />
            ) : (
              <TabView tab={tab} />
            )}
          </div>
        </div>
      </section>
    </AdminContext.Provider>
  );
}

function TabView({ tab }: { tab: TabId }) {
  switch (tab) {
    case 'content':
      return <ContentTab />;
    case 'matrix':
      return <MatrixTab />;
    case 'illustrations':
      return <IllustrationsTab />;
    case 'packs':
      return <PacksTab />;
    case 'versions':
      return <VersionsTab />;
    case 'settings':
      return (
        <>
          <SettingsTab />
          <SiteExportPanel />
        </>
      );
    case 'audit':
      return <AuditTab />;
    case 'usage':
      return <UsageTab />;
    case 'backup':
      return <BackupTab />;
  }
}

import { useUiText } from '../../hooks/useUiText';
import { useAdmin } from './admin-context';
import { CsvExport } from './admin-lists';
import { LoadState, useLoad } from './admin-shared';

type Row = { day: string; metric: string; dimension: string; count: number };

/** Total count per dimension of one metric, over every day. */
function totals(rows: Row[], metric: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) if (r.metric === metric) out.set(r.dimension, (out.get(r.dimension) ?? 0) + r.count);
  return out;
}

interface Bar {
  label: string;
  values: { name: string; value: number; kind?: 'right' | 'wrong' }[];
}

/** Anonymous usage as plain bar charts: the bars are decoration, the numbers are written beside them. */
export function UsageTab() {
  const { t } = useUiText();
  const { procedureId, languages } = useAdmin();
  const [loaded] = useLoad('adminUsage', {});
  const input = procedureId ? { procedureId, locale: 'en' } : null;
  const [home] = useLoad('getProcedureHome', input);
  const [quiz] = useLoad('getQuiz', input);
  if (loaded.state !== 'ready') return <LoadState loaded={loaded} />;
  const rows = loaded.value.rows;
  const language = (code: string) => languages.find((l) => l.code === code)?.englishName ?? code;
  const topicTitle = (id: string) => (home.state === 'ready' ? home.value.topics.find((tp) => tp.id === id)?.title : undefined) ?? id;
  const questions = quiz.state === 'ready' ? quiz.value.questions : [];
  const count = t('admin.usage.count');

  const simple = (metric: string, label: (dimension: string) => string): Bar[] =>
    [...totals(rows, metric)].sort((a, b) => b[1] - a[1]).map(([d, n]) => ({ label: label(d), values: [{ name: count, value: n }] }));

  const right = totals(rows, 'quiz_right');
  const wrong = totals(rows, 'quiz_wrong');
  const questionIds = [...new Set([...questions.map((q) => q.id), ...right.keys(), ...wrong.keys()])].filter((id) => right.has(id) || wrong.has(id));
  const quizBars: Bar[] = questionIds.map((id) => ({
    label: questions.find((q) => q.id === id)?.question ?? id,
    values: [
      { name: t('admin.usage.right'), value: right.get(id) ?? 0, kind: 'right' },
      { name: t('admin.usage.wrong'), value: wrong.get(id) ?? 0, kind: 'wrong' },
    ],
  }));
  const completed = [...totals(rows, 'walkthrough_completed').values()].reduce((a, b) => a + b, 0);
  const days = [...new Set(rows.map((r) => r.day))].sort();

  return (
    <div className="usage-tab">
      <p className="admin-intro">{days.length ? t('admin.usage.period', { from: days[0], to: days.at(-1) }) : t('admin.usage.nothing')}</p>
      <CsvExport name="kiosk-usage" csv={loaded.value.csv} />
      <BarChart id="usage-topics" title={t('admin.usage.topics')} bars={simple('topic_view', topicTitle)} />
      <BarChart id="usage-walkthrough" title={t('admin.usage.walkthrough')} bars={[{ label: t('admin.usage.completed'), values: [{ name: count, value: completed }] }]} />
      <BarChart id="usage-quiz" title={t('admin.usage.quiz')} bars={quizBars} />
      <BarChart id="usage-sheets" title={t('admin.usage.sheets')} bars={simple('sheet_printed', language)} />
      <BarChart id="usage-languages" title={t('admin.usage.languages')} bars={simple('language_chosen', language)} />
    </div>
  );
}

function BarChart({ id, title, bars }: { id: string; title: string; bars: Bar[] }) {
  const { t } = useUiText();
  const max = Math.max(1, ...bars.flatMap((b) => b.values.map((v) => v.value)));
  const empty = bars.every((b) => b.values.every((v) => v.value === 0));
  return (
    <section className="bar-chart" aria-labelledby={id} data-chart={id}>
      <h3 id={id}>{title}</h3>
      {empty ? (
        <p className="admin-empty">{t('admin.usage.none')}</p>
      ) : (
        <table className="bars">
          <caption className="visually-hidden">{title}</caption>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>
                  {b.values.map((v) => (
                    <div className="bar-line" key={v.name}>
                      <span className="bar-track" aria-hidden="true">
                        <span className={`bar${v.kind ? ` bar-${v.kind}` : ''}`} style={{ width: `${(100 * v.value) / max}%` }} />
                      </span>
                      <span className="bar-value">{b.values.length > 1 ? `${v.name}: ${v.value}` : v.value}</span>
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

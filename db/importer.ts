/**
 * Writes a validated content pack into a database that has the content tables: the bundled
 * content.db (db:build) or the local overlay (admin import). All or nothing: one transaction.
 * For each procedure in the pack its structure is replaced; for each (procedure, language)
 * in the pack its texts are replaced. Other procedures and languages are left as they are.
 */
import type { Db } from './connection';
import type { ContentPack } from './pack-schema';
import { sha256 } from './canonical-json';
import { sheetVariableTypes } from '../electron/shared/sheet-variables';

export type TextOrigin = 'bundled' | 'import' | 'edit';

export interface ImportSummary {
  locales: number;
  procedures: number;
  texts: number;
  narrations: number;
}

export function importPack(db: Db, pack: ContentPack, origin: TextOrigin): ImportSummary {
  const s = {
    locale: db.prepare(
      `INSERT INTO locales (code, native_name, english_name, direction, sort_order) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (code) DO UPDATE SET native_name = excluded.native_name, english_name = excluded.english_name,
       direction = excluded.direction, sort_order = excluded.sort_order`,
    ),
    procedure: db.prepare(
      `INSERT INTO procedures (id, sort_order, hero_illustration) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET sort_order = excluded.sort_order, hero_illustration = excluded.hero_illustration`,
    ),
    clear: ['illustrations', 'topics', 'steps', 'glossary_terms', 'quiz_questions', 'discharge_sections', 'red_flags'].map((t) =>
      db.prepare(`DELETE FROM ${t} WHERE procedure_id = ?`),
    ),
    illustration: db.prepare('INSERT INTO illustrations (procedure_id, id, media_type, data, sha256) VALUES (?, ?, ?, ?, ?)'),
    topic: db.prepare('INSERT INTO topics (procedure_id, id, sort_order, icon) VALUES (?, ?, ?, ?)'),
    section: db.prepare('INSERT INTO topic_sections (procedure_id, topic_id, id, sort_order) VALUES (?, ?, ?, ?)'),
    step: db.prepare('INSERT INTO steps (procedure_id, id, sort_order, illustration_id) VALUES (?, ?, ?, ?)'),
    glossary: db.prepare('INSERT INTO glossary_terms (procedure_id, id, sort_order) VALUES (?, ?, ?)'),
    question: db.prepare(
      'INSERT INTO quiz_questions (procedure_id, id, sort_order, answer_option, teaches_kind, teaches_id) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    option: db.prepare('INSERT INTO quiz_options (procedure_id, question_id, id, sort_order) VALUES (?, ?, ?, ?)'),
    sheetSection: db.prepare('INSERT INTO discharge_sections (procedure_id, id, sort_order) VALUES (?, ?, ?)'),
    sheetItem: db.prepare('INSERT INTO discharge_items (procedure_id, section_id, id, sort_order, condition) VALUES (?, ?, ?, ?, ?)'),
    flag: db.prepare('INSERT INTO red_flags (procedure_id, kind, id, sort_order) VALUES (?, ?, ?, ?)'),
    clearTexts: db.prepare('DELETE FROM texts WHERE procedure_id = ? AND locale = ?'),
    text: db.prepare(
      `INSERT INTO texts (procedure_id, locale, key, text, status, reviewer, reviewed_at, source_note, origin)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    variable: db.prepare('INSERT OR REPLACE INTO template_variables (name, type) VALUES (?, ?)'),
  };
  // Only the local overlay has narration tables; packs built from db/content carry none.
  const narration = pack.narrations?.length
    ? {
        audio: db.prepare('INSERT INTO narration_audio (sha256, mime, data, duration_ms) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING'),
        attach: db.prepare(
          `INSERT INTO narrations (procedure_id, locale, key, audio_sha256, text_sha256, recorded_by, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (procedure_id, locale, key) DO UPDATE SET audio_sha256 = excluded.audio_sha256, text_sha256 = excluded.text_sha256,
           recorded_by = excluded.recorded_by, attached_at = excluded.attached_at`,
        ),
      }
    : null;

  const run = db.transaction(() => {
    pack.locales.forEach((l, i) => s.locale.run(l.code, l.nativeName, l.englishName, l.direction, i * 10));
    for (const p of pack.procedures) {
      s.procedure.run(p.id, p.sortOrder, p.heroIllustration);
      for (const clear of s.clear) clear.run(p.id);
      for (const x of p.illustrations) {
        const data = Buffer.from(x.data, 'base64');
        s.illustration.run(p.id, x.id, x.mediaType, data, sha256(data));
      }
      p.topics.forEach((t, i) => {
        s.topic.run(p.id, t.id, i, t.icon);
        t.sections.forEach((sec, j) => s.section.run(p.id, t.id, sec, j));
      });
      p.steps.forEach((st, i) => s.step.run(p.id, st.id, i, st.illustration));
      p.glossary.forEach((g, i) => s.glossary.run(p.id, g, i));
      p.quiz.forEach((q, i) => {
        const [kind, target] = q.teaches.split(':');
        s.question.run(p.id, q.id, i, q.answer, kind, target);
        q.options.forEach((o, j) => s.option.run(p.id, q.id, o, j));
      });
      p.discharge.sections.forEach((sec, i) => {
        s.sheetSection.run(p.id, sec.id, i);
        sec.items.forEach((item, j) => s.sheetItem.run(p.id, sec.id, item.id, j, item.when ?? null));
      });
      p.discharge.clinicRedFlags.forEach((f, i) => s.flag.run(p.id, 'clinic', f, i));
      p.discharge.emergencyRedFlags.forEach((f, i) => s.flag.run(p.id, 'emergency', f, i));
    }
    const pairs = new Set(pack.texts.map((t) => `${t.procedure}\u0000${t.locale}`));
    for (const pair of pairs) s.clearTexts.run(...pair.split('\u0000'));
    for (const t of pack.texts) {
      s.text.run(t.procedure, t.locale, t.key, t.text, t.status, t.reviewer, t.reviewedAt, t.sourceNote, origin);
    }
    for (const [name, type] of Object.entries(sheetVariableTypes)) s.variable.run(name, type);
    for (const n of pack.narrations ?? []) {
      narration!.audio.run(n.sha256, n.mediaType, Buffer.from(n.data, 'base64'), n.durationMs);
      narration!.attach.run(n.procedure, n.locale, n.key, n.sha256, n.textSha256, n.recordedBy, n.attachedAt);
    }
  });
  run();
  return { locales: pack.locales.length, procedures: pack.procedures.length, texts: pack.texts.length, narrations: pack.narrations?.length ?? 0 };
}

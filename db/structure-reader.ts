/** Reads a procedure's structure back out of a database with the content tables (the importer's inverse). */
import type { Db } from './connection';
import type { ItemCondition, ProcedureStructure } from './pack-schema';

export function readStructure(db: Db, procedureId: string): ProcedureStructure {
  const all = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).all(procedureId, ...p) as T[];
  const proc = db.prepare('SELECT sort_order, hero_illustration FROM procedures WHERE id = ?').get(procedureId) as { sort_order: number; hero_illustration: string | null };
  return {
    id: procedureId,
    sortOrder: proc.sort_order,
    heroIllustration: proc.hero_illustration,
    topics: all<{ id: string; icon: string }>('SELECT id, icon FROM topics WHERE procedure_id = ? ORDER BY sort_order').map((t) => ({
      id: t.id,
      icon: t.icon as ProcedureStructure['topics'][number]['icon'],
      sections: all<{ id: string }>('SELECT id FROM topic_sections WHERE procedure_id = ? AND topic_id = ? ORDER BY sort_order', t.id).map((s) => s.id),
    })),
    steps: all<{ id: string; illustration_id: string | null }>('SELECT id, illustration_id FROM steps WHERE procedure_id = ? ORDER BY sort_order').map((s) => ({ id: s.id, illustration: s.illustration_id })),
    glossary: all<{ id: string }>('SELECT id FROM glossary_terms WHERE procedure_id = ? ORDER BY sort_order').map((g) => g.id),
    quiz: all<{ id: string; answer_option: string; teaches_kind: string; teaches_id: string }>('SELECT * FROM quiz_questions WHERE procedure_id = ? ORDER BY sort_order').map((q) => ({
      id: q.id,
      options: all<{ id: string }>('SELECT id FROM quiz_options WHERE procedure_id = ? AND question_id = ? ORDER BY sort_order', q.id).map((o) => o.id),
      answer: q.answer_option,
      teaches: `${q.teaches_kind}:${q.teaches_id}`,
    })),
    discharge: {
      sections: all<{ id: string }>('SELECT id FROM discharge_sections WHERE procedure_id = ? ORDER BY sort_order').map((s) => ({
        id: s.id,
        items: all<{ id: string; condition: string | null }>('SELECT id, condition FROM discharge_items WHERE procedure_id = ? AND section_id = ? ORDER BY sort_order', s.id).map((i) =>
          i.condition ? { id: i.id, when: i.condition as ItemCondition } : { id: i.id },
        ),
      })),
      clinicRedFlags: all<{ id: string }>("SELECT id FROM red_flags WHERE procedure_id = ? AND kind = 'clinic' ORDER BY sort_order").map((f) => f.id),
      emergencyRedFlags: all<{ id: string }>("SELECT id FROM red_flags WHERE procedure_id = ? AND kind = 'emergency' ORDER BY sort_order").map((f) => f.id),
    },
  };
}

import type { ReviewStatus } from './content-types';
import type { NarrationCoverage, NarrationInfo } from './narration';

export interface AdminTextItem {
  key: string;
  english: string;
  /** Null when the text is missing in this language. */
  text: string | null;
  status: ReviewStatus | null;
  reviewer: string | null;
  reviewedAt: string | null;
  sourceNote: string;
  /** True when the clinic changed it (an overlay row); "revert" removes that change. */
  changedByClinic: boolean;
  bundledText: string | null;
  /** The recording attached to this text in this language, stale when the text changed since. */
  narration: NarrationInfo | null;
}

export type MatrixCell = 'missing' | ReviewStatus;

export interface TranslationMatrix {
  locales: string[];
  rows: { key: string; cells: Record<string, MatrixCell> }[];
  totals: Record<string, Record<MatrixCell, number>>;
  /** Per language: texts with a current recording, with a stale one, and texts in all. */
  narration: Record<string, NarrationCoverage>;
}

export interface ImportSummary {
  token: string;
  description: string;
  signature: 'unsigned' | 'trusted';
  keyId: string | null;
  procedures: string[];
  languages: { locale: string; added: number; changed: number; removed: number }[];
  /** Recordings in the pack (they replace the kiosk's recordings for the same texts). */
  narrations: number;
}

/** The content pack file extension: exports use it, and the watch folder picks up only such files. */
export const PACK_EXTENSION = '.kpack';

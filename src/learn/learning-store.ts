// The learner's progress on disk: one FSRS card per answered question, answers per day (for the streak),
// exam history, and the exam in progress. Saved after every answer through JsonStore (locked
// read-merge-write, atomic, last good copy kept, a damaged file set aside and reported), so killing the app
// loses no answered card and two sessions at once both keep their answers.
import { JsonStore, type SaveResult, type StoreOptions } from '../store/json-store.js';
import type { Content } from './content.js';
import { type ExamSession, isExamSession } from './exam.js';
import { dayKey, type ExamRecord, progressReport, type ProgressReport } from './progress.js';
import {
  type Card,
  type Grade,
  isStoredCard,
  restoreCard,
  reviewCard,
  storeCard,
  type StoredCard,
} from './scheduler.js';

export interface LearningData {
  version: 1;
  cards: Record<string, StoredCard>;
  /** Answers given per local day, YYYY-MM-DD. */
  days: Record<string, number>;
  exams: ExamRecord[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isExamRecord = (v: unknown): v is ExamRecord =>
  isRecord(v) &&
  typeof v.finishedAt === 'string' &&
  typeof v.score === 'number' &&
  typeof v.total === 'number' &&
  Array.isArray(v.byTopic);

export function isLearningData(v: unknown): v is LearningData {
  return (
    isRecord(v) &&
    v.version === 1 &&
    isRecord(v.cards) &&
    Object.values(v.cards).every(isStoredCard) &&
    isRecord(v.days) &&
    Object.values(v.days).every((n) => typeof n === 'number') &&
    Array.isArray(v.exams) &&
    v.exams.every(isExamRecord)
  );
}

const empty = (): LearningData => ({ version: 1, cards: {}, days: {}, exams: [] });

export interface Review {
  id: string;
  rating: Grade;
  at: Date;
}

/** What an answer did: the cards it changed, and whether that reached the disk. */
export interface Recorded {
  changed: Map<string, Card>;
  save: SaveResult;
}

/** Two windows of the same exam: keep every answer (the later one for a question given in both). */
function mergeExam(disk: ExamSession | null, mine: ExamSession): ExamSession {
  if (!disk || disk.startedAt !== mine.startedAt) return mine;
  const answers = { ...disk.answers };
  for (const [id, a] of Object.entries(mine.answers))
    if (!answers[id] || answers[id].answeredAt <= a.answeredAt) answers[id] = a;
  return { ...mine, answers, elapsedMs: Math.max(disk.elapsedMs, mine.elapsedMs) };
}

export class LearningStore {
  private data: JsonStore<LearningData>;
  private examStore: JsonStore<ExamSession | null>;
  readonly cards: Map<string, Card>;
  /** A failed save was already reported (the two files share one "said once"). */
  private told = false;

  constructor(dir?: string, options?: StoreOptions) {
    this.data = new JsonStore<LearningData>('learning', empty, isLearningData, dir, options);
    this.examStore = new JsonStore<ExamSession | null>(
      'exam',
      () => null,
      (v): v is ExamSession | null => v === null || isExamSession(v),
      dir,
      options,
    );
    this.cards = new Map();
    this.refreshCards();
  }

  private refreshCards(): void {
    this.cards.clear();
    for (const [id, c] of Object.entries(this.data.get().cards)) this.cards.set(id, restoreCard(c));
  }

  /** What went wrong reading the files (set aside, unreadable), or the first failed save: said once, plainly. */
  get problem(): string | undefined {
    const problems = [this.data.problem, this.examStore.problem];
    const writeProblem = this.data.writeProblem ?? this.examStore.writeProblem;
    if (!problems.some(Boolean) && writeProblem) problems.push(`your answers are not being saved: ${writeProblem}`);
    return problems.filter(Boolean).join('; ') || undefined;
  }

  /** Set when a file of the store exists but cannot be read (permissions): why, naming the file. */
  get unreadable(): string | undefined {
    return this.data.unreadableReason ?? this.examStore.unreadableReason;
  }

  /** The first failure of either file is the one that tells the user why. */
  private once(save: SaveResult): SaveResult {
    if (save.saved) return save;
    const first = save.first && !this.told;
    this.told = true;
    return { ...save, first };
  }

  /** False when answers stay in memory only this session. */
  get writable(): boolean {
    return this.data.writable && this.examStore.writable;
  }

  /** Why answers are not reaching the disk, when they are not. */
  get notSavedReason(): string | undefined {
    return this.data.notSavedReason ?? this.examStore.notSavedReason;
  }

  get days(): Readonly<Record<string, number>> {
    return this.data.get().days;
  }

  get exams(): readonly ExamRecord[] {
    return this.data.get().exams;
  }

  /**
   * Applies reviews to what is on disk now (another session may have answered meanwhile) and saves at once:
   * the answer is on disk before the next question shows, or the result says it is not.
   */
  record(reviews: Review[], exam?: ExamRecord): Recorded {
    const save = this.data.update((current) => {
      const cards = { ...current.cards };
      const days = { ...current.days };
      for (const r of reviews) {
        cards[r.id] = storeCard(reviewCard(cards[r.id] ? restoreCard(cards[r.id]) : undefined, r.rating, r.at));
        const day = dayKey(r.at);
        days[day] = (days[day] ?? 0) + 1;
      }
      const filed = exam && !current.exams.some((e) => e.startedAt === exam.startedAt);
      return { version: 1, cards, days, exams: filed ? [...current.exams, exam] : current.exams };
    });
    this.refreshCards();
    return { changed: new Map(reviews.map((r) => [r.id, this.cards.get(r.id)!])), save: this.once(save) };
  }

  review(id: string, rating: Grade, at: Date): { card: Card; save: SaveResult } {
    const r = this.record([{ id, rating, at }]);
    return { card: r.changed.get(id)!, save: r.save };
  }

  currentExam(): ExamSession | null {
    return this.examStore.get();
  }

  saveExam(exam: ExamSession | null): SaveResult {
    return this.once(exam ? this.examStore.update((disk) => mergeExam(disk, exam)) : this.examStore.set(null));
  }

  /** Files an exam: its answers become reviews, its score joins the history, the session is cleared. */
  finishExam(record: ExamRecord, reviews: Review[]): SaveResult {
    // A crash between the two writes leaves the session behind; finishing it again must not count it twice.
    const already = this.exams.some((e) => e.startedAt === record.startedAt);
    const filed = already ? ({ saved: true } as const) : this.record(reviews, record).save;
    const cleared = this.saveExam(null);
    return filed.saved ? cleared : filed;
  }

  /** Deletes all progress on disk; when that fails, nothing changes, on disk or on screen. */
  reset(): SaveResult {
    const wiped = this.data.update(empty, { keepInMemory: false });
    if (!wiped.saved) return wiped;
    this.refreshCards();
    return this.saveExam(null);
  }

  /** With content.exams (the blueprints), mastery per exam too. */
  report(content: Pick<Content, 'questions' | 'topics'> & Partial<Pick<Content, 'exams'>>, now: Date): ProgressReport {
    return progressReport(
      {
        cards: this.cards,
        days: this.days,
        exams: this.exams,
        questions: content.questions,
        topics: content.topics,
        blueprints: content.exams,
      },
      now,
    );
  }
}

// The learner's progress on disk: one FSRS card per answered question, answers per day (for the streak),
// exam history, and the exam in progress. Saved after every answer through JsonStore (atomic write, last
// good copy kept, a corrupt file set aside and reported), so killing the app loses no answered card.
import { JsonStore } from '../store/json-store.js';
import type { Content } from './content.js';
import { type ExamSession, isExamSession } from './exam.js';
import { dayKey, type ExamRecord, progressReport, type ProgressReport } from './progress.js';
import { type Card, type Grade, isStoredCard, restoreCard, reviewCard, storeCard, type StoredCard } from './scheduler.js';

export interface LearningData {
  version: 1;
  cards: Record<string, StoredCard>;
  /** Answers given per local day, YYYY-MM-DD. */
  days: Record<string, number>;
  exams: ExamRecord[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isExamRecord = (v: unknown): v is ExamRecord => isRecord(v) && typeof v.finishedAt === 'string' && typeof v.score === 'number' && typeof v.total === 'number' && Array.isArray(v.byTopic);

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

export class LearningStore {
  private data: JsonStore<LearningData>;
  private examStore: JsonStore<ExamSession | null>;
  readonly cards: Map<string, Card>;

  constructor(dir?: string) {
    this.data = new JsonStore<LearningData>('learning', empty, isLearningData, dir);
    this.examStore = new JsonStore<ExamSession | null>('exam', () => null, (v): v is ExamSession | null => v === null || isExamSession(v), dir);
    this.cards = new Map(Object.entries(this.data.get().cards).map(([id, c]) => [id, restoreCard(c)]));
  }

  /** What went wrong reading the files, when one was corrupt and set aside. */
  get problem(): string | undefined {
    return [this.data.problem, this.examStore.problem].filter(Boolean).join('; ') || undefined;
  }

  get days(): Readonly<Record<string, number>> {
    return this.data.get().days;
  }

  get exams(): readonly ExamRecord[] {
    return this.data.get().exams;
  }

  /** Applies reviews and saves at once: the answer is on disk before the next question shows. */
  record(reviews: Review[], exam?: ExamRecord): Map<string, Card> {
    const changed = new Map<string, Card>();
    const current = this.data.get();
    const days = { ...current.days };
    for (const r of reviews) {
      const card = reviewCard(this.cards.get(r.id), r.rating, r.at);
      this.cards.set(r.id, card);
      changed.set(r.id, card);
      const day = dayKey(r.at);
      days[day] = (days[day] ?? 0) + 1;
    }
    const cards = { ...current.cards };
    for (const [id, card] of changed) cards[id] = storeCard(card);
    this.data.set({ version: 1, cards, days, exams: exam ? [...current.exams, exam] : current.exams });
    return changed;
  }

  review(id: string, rating: Grade, at: Date): Card {
    return this.record([{ id, rating, at }]).get(id)!;
  }

  currentExam(): ExamSession | null {
    return this.examStore.get();
  }

  saveExam(exam: ExamSession | null): void {
    this.examStore.set(exam);
  }

  /** Files an exam: its answers become reviews, its score joins the history, the session is cleared. */
  finishExam(record: ExamRecord, reviews: Review[]): void {
    // A crash between the two writes leaves the session behind; finishing it again must not count it twice.
    const already = this.exams.some((e) => e.startedAt === record.startedAt);
    if (!already) this.record(reviews, record);
    this.saveExam(null);
  }

  reset(): void {
    this.cards.clear();
    this.data.set(empty());
    this.saveExam(null);
  }

  report(content: Pick<Content, 'questions' | 'topics'>, now: Date): ProgressReport {
    return progressReport({ cards: this.cards, days: this.days, exams: this.exams, questions: content.questions, topics: content.topics }, now);
  }
}

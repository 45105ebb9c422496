// The learner's progress on disk: one FSRS card per answered question, answers per day (for the streak),
// exam history, and the exams in progress (one per exam blueprint). Saved after every answer through JsonStore (locked
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

/** The slot of an exam in progress: its blueprint's id (ai-300, dp-100), or `default` for one across every topic. */
export const examSlot = (exam: string | undefined): string => exam ?? 'default';

/** exam.json: the exams in progress, one per slot, so starting one exam never overwrites another's progress. */
export interface ExamSlots {
  version: 2;
  exams: Record<string, ExamSession>;
}

/** What exam.json may hold: version 2 slots, or (written before slots) one session or null, read as its slot. */
type StoredExams = ExamSlots | ExamSession | null;

function isStoredExams(v: unknown): v is StoredExams {
  if (v === null || isExamSession(v)) return true;
  return isRecord(v) && v.version === 2 && isRecord(v.exams) && Object.values(v.exams).every(isExamSession);
}

/** Every exam in progress by its slot (each session filed under its own blueprint, whatever key it was under). */
function slotsOf(stored: StoredExams): Record<string, ExamSession> {
  if (stored === null) return {};
  const sessions = stored.version === 2 ? Object.values(stored.exams) : [stored];
  return Object.fromEntries(sessions.map((e) => [examSlot(e.exam), e]));
}

const noExams = (): ExamSlots => ({ version: 2, exams: {} });

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
  private examStore: JsonStore<StoredExams>;
  readonly cards: Map<string, Card>;
  /** A failed save was already reported (the two files share one "said once"). */
  private told = false;

  constructor(dir?: string, options?: StoreOptions) {
    this.data = new JsonStore<LearningData>('learning', empty, isLearningData, dir, options);
    this.examStore = new JsonStore<StoredExams>('exam', noExams, isStoredExams, dir, options);
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

  /** The exam of this blueprint in progress (undefined: the exam across every topic), or null. */
  examInProgress(exam: string | undefined): ExamSession | null {
    return slotsOf(this.examStore.get())[examSlot(exam)] ?? null;
  }

  /** Every exam in progress, the most recently started first. */
  examsInProgress(): ExamSession[] {
    return Object.values(slotsOf(this.examStore.get())).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  /** The most recently started exam in progress, of any blueprint, or null. */
  currentExam(): ExamSession | null {
    return this.examsInProgress()[0] ?? null;
  }

  /** Saves an exam in its own slot, merged with what another window saved of the same exam; other exams stay. */
  saveExam(exam: ExamSession): SaveResult {
    return this.once(
      this.examStore.update((disk) => {
        const slots = slotsOf(disk);
        const slot = examSlot(exam.exam);
        return { version: 2, exams: { ...slots, [slot]: mergeExam(slots[slot] ?? null, exam) } };
      }),
    );
  }

  /** Drops the exam in progress of this blueprint (only the one started at `startedAt`, when given). */
  dropExam(exam: string | undefined, startedAt?: string): SaveResult {
    const slot = examSlot(exam);
    return this.once(
      this.examStore.update((disk) => ({
        version: 2,
        exams: Object.fromEntries(
          Object.entries(slotsOf(disk)).filter(([k, e]) => k !== slot || (startedAt && e.startedAt !== startedAt)),
        ),
      })),
    );
  }

  /** Files an exam: its answers become reviews, its score joins the history, the session is cleared. */
  finishExam(record: ExamRecord, reviews: Review[]): SaveResult {
    // A crash between the two writes leaves the session behind; finishing it again must not count it twice.
    const already = this.exams.some((e) => e.startedAt === record.startedAt);
    const filed = already ? ({ saved: true } as const) : this.record(reviews, record).save;
    const cleared = this.dropExam(record.exam, record.startedAt);
    return filed.saved ? cleared : filed;
  }

  /** Deletes all progress on disk; when that fails, nothing changes, on disk or on screen. */
  reset(): SaveResult {
    const wiped = this.data.update(empty, { keepInMemory: false });
    if (!wiped.saved) return wiped;
    this.refreshCards();
    return this.once(this.examStore.set(noExams()));
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

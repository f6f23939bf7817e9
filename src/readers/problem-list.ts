import type { ContentProblem } from '../types.js';

/**
 * Problems of one file, at most `max`; beyond, one last problem, made by `overflow`, says how many
 * more there were. Each reader family words that last problem in its own code, which its rules claim.
 */
export class CappedProblems {
  readonly items: ContentProblem[] = [];
  private dropped = 0;
  constructor(
    private readonly max: number,
    private readonly overflow: (dropped: number, max: number) => ContentProblem,
  ) {}

  add(problem: ContentProblem): void {
    if (this.items.length < this.max) this.items.push(problem);
    else this.dropped++;
  }

  has(code: string): boolean {
    return this.items.some((problem) => problem.code === code);
  }

  get full(): boolean {
    return this.items.length >= this.max;
  }

  done(): ContentProblem[] {
    if (this.dropped > 0) this.items.push(this.overflow(this.dropped, this.max));
    return this.items;
  }
}

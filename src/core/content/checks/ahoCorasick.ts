/**
 * Aho–Corasick multi-pattern matching over UTF-16 code units: one pass over the text finds
 * every occurrence of every term, in time linear in the text plus the number of matches.
 * Terms are matched literally; callers fold text and terms first (see foldText.ts).
 */
export interface Match {
  /** Index of the term in the list given to the constructor. */
  term: number;
  start: number;
  end: number;
}

const NONE = -1;

export class AhoCorasick {
  readonly terms: readonly string[];
  /** Root transitions, dense: the root is visited for almost every character of the text. */
  private readonly rootNext = new Int32Array(0x10000).fill(NONE);
  /** Transitions of the other nodes. */
  private readonly next: (Map<number, number> | undefined)[] = [undefined];
  private readonly fail: number[] = [0];
  /** The term ending at a node, or NONE. A repeated term keeps its first index. */
  private readonly termAt: number[] = [NONE];
  /** The nearest node on the failure chain (excluding the node) where a term ends. */
  private readonly dictLink: number[] = [NONE];
  private readonly depth: number[] = [0];

  /** Empty terms are refused: they would match everywhere. */
  constructor(terms: readonly string[]) {
    this.terms = terms;
    terms.forEach((term, index) => {
      if (term.length === 0) throw new Error(`Term ${index} is empty.`);
      let node = 0;
      for (let i = 0; i < term.length; i++) node = this.child(node, term.charCodeAt(i));
      if (this.termAt[node] === NONE) this.termAt[node] = index;
    });
    this.link();
  }

  private child(node: number, code: number): number {
    const existing = this.step(node, code);
    if (existing !== NONE) return existing;
    const created = this.fail.length;
    this.next.push(undefined);
    this.fail.push(0);
    this.termAt.push(NONE);
    this.dictLink.push(NONE);
    this.depth.push((this.depth[node] ?? 0) + 1);
    if (node === 0) this.rootNext[code] = created;
    else {
      let map = this.next[node];
      if (!map) this.next[node] = map = new Map();
      map.set(code, created);
    }
    return created;
  }

  /** The trie edge from node on code, or NONE. */
  private step(node: number, code: number): number {
    if (node === 0) return this.rootNext[code] ?? NONE;
    return this.next[node]?.get(code) ?? NONE;
  }

  /** Failure and dictionary links, breadth first. */
  private link(): void {
    const queue: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const child = this.rootNext[code] ?? NONE;
      if (child !== NONE) queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] as number;
      const map = this.next[node];
      if (!map) continue;
      for (const [code, child] of map) {
        let f = this.fail[node] as number;
        while (f !== 0 && this.step(f, code) === NONE) f = this.fail[f] as number;
        const target = this.step(f, code);
        const fail = target !== NONE && target !== child ? target : 0;
        this.fail[child] = fail;
        this.dictLink[child] =
          (this.termAt[fail] as number) !== NONE ? fail : (this.dictLink[fail] as number);
        queue.push(child);
      }
    }
  }

  /** Every occurrence of every term, overlapping ones included, ordered by end then by length (longest first). */
  findAll(text: string): Match[] {
    const matches: Match[] = [];
    const { termAt, dictLink, depth, fail } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let target = this.step(node, code);
      while (target === NONE && node !== 0) {
        node = fail[node] as number;
        target = this.step(node, code);
      }
      node = target === NONE ? 0 : target;
      for (
        let out = (termAt[node] as number) !== NONE ? node : (dictLink[node] as number);
        out !== NONE;
        out = dictLink[out] as number
      ) {
        matches.push({
          term: termAt[out] as number,
          start: i + 1 - (depth[out] as number),
          end: i + 1,
        });
      }
    }
    return matches;
  }

  /**
   * Non-overlapping matches chosen leftmost-longest: scanning left to right, the match that
   * starts first wins, and among those starting at the same place the longest; a match that
   * starts inside a chosen one is dropped. So with terms 台湾总统 and 总统, "台湾总统" reports
   * 台湾总统 only, and with 中华民国 and 民国政府, "中华民国政府" reports 中华民国.
   */
  findLeftmostLongest(text: string): Match[] {
    return leftmostLongest(this.findAll(text));
  }
}

/** The leftmost-longest selection (see findLeftmostLongest) from any set of matches. */
export function leftmostLongest(matches: readonly Match[]): Match[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end || a.term - b.term);
  const chosen: Match[] = [];
  let reach = 0;
  for (const match of sorted) {
    if (match.start < reach) continue;
    chosen.push(match);
    reach = match.end;
  }
  return chosen;
}

/** Builds a matcher for the given (already folded) terms. */
export const buildMatcher = (terms: readonly string[]): AhoCorasick => new AhoCorasick(terms);

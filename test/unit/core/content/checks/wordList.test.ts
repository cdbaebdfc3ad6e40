import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWordList } from '../../../../../src/core/content/checks/loadWordList.ts';
import {
  mergeWordLists,
  parseWordList,
  WordListError,
  type WordList,
} from '../../../../../src/core/content/checks/wordList.ts';

const list = (entries: unknown[]) => ({ version: 1, updatedAt: '2025-06-01', entries });

function problemsOf(json: unknown): readonly string[] {
  try {
    parseWordList(json);
  } catch (error) {
    expect(error).toBeInstanceOf(WordListError);
    return (error as WordListError).problems;
  }
  throw new Error('expected the list to be refused');
}

describe('the word list', () => {
  it('ships a valid list of about thirty entries, each block entry explained', () => {
    const shipped = loadWordList();
    expect(shipped.entries.length).toBeGreaterThanOrEqual(30);
    for (const entry of shipped.entries.filter((e) => e.severity === 'block'))
      expect(entry.note, entry.term).toBeTruthy();
    expect(shipped.entries.find((e) => e.term === '其它')).toMatchObject({
      severity: 'warn',
      correct: '其他',
    });
    expect(shipped.entries.find((e) => e.term === '台湾总统')).toMatchObject({
      severity: 'block',
      correct: '台湾地区领导人',
    });
  });

  it('names the entry at fault, by index and term, with the field and the reason', () => {
    const problems = problemsOf(
      list([
        { term: '做为', severity: 'warn', correct: '作为' },
        { term: '既使', severity: 'error', correct: '即使' },
        { term: '', severity: 'warn' },
      ]),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Entry 1 \("既使"\), field "severity": /);
    expect(problems[1]).toMatch(/^Entry 2 \(""\), field "term": /);
  });

  it('refuses unknown fields (a misspelt "corect" would silently lose the suggestion)', () => {
    expect(problemsOf(list([{ term: '按装', severity: 'warn', corect: '安装' }]))[0]).toMatch(
      /^Entry 0 \("按装"\)/,
    );
  });

  it('refuses a list without version or date, or that is not an object', () => {
    expect(problemsOf({ entries: [] }).join(' ')).toMatch(/Field "version"/);
    expect(problemsOf([]).join(' ')).toMatch(/The list/);
  });

  it('refuses two entries for the same folded term, and a correct form containing the term', () => {
    const problems = problemsOf(
      list([
        { term: 'WiFi', severity: 'warn', correct: 'Wi-Fi' },
        { term: 'ＷＩＦＩ', severity: 'block' },
        { term: '香港政府', severity: 'warn', correct: '香港政府部门' },
      ]),
    );
    expect(problems).toEqual([
      'Entry 1 ("ＷＩＦＩ") repeats entry 0.',
      'Entry 2 ("香港政府"): the correct form "香港政府部门" contains the term, so it would be flagged too.',
    ]);
  });

  it('says which file could not be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wordlist-'));
    const path = join(dir, 'custom.json');
    writeFileSync(path, '{ "version": 1, ');
    expect(() => loadWordList(path)).toThrow(
      new RegExp(
        `word list ${path.replace(/[/\\]/g, '.')} is not valid: It cannot be read as JSON`,
      ),
    );
  });

  it('merges: custom entries redefine shipped ones with the same folded term, and are added after', () => {
    const shipped: WordList = parseWordList(
      list([
        { term: '其它', severity: 'warn', correct: '其他' },
        { term: 'WiFi', severity: 'warn', correct: 'Wi-Fi' },
      ]),
    );
    const custom: WordList = {
      version: 3,
      updatedAt: '2025-07-15',
      entries: [
        { term: 'wifi', severity: 'block', correct: '无线局域网' },
        { term: '通州区政府办', severity: 'warn', correct: '通州区政府办公室' },
      ],
    };
    expect(mergeWordLists(shipped, custom)).toEqual({
      version: 1,
      updatedAt: '2025-07-15',
      entries: [
        { term: '其它', severity: 'warn', correct: '其他' },
        { term: 'wifi', severity: 'block', correct: '无线局域网' },
        { term: '通州区政府办', severity: 'warn', correct: '通州区政府办公室' },
      ],
    });
  });
});

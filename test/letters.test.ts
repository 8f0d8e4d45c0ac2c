import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { letters, lettersIn } from '../src/letters.ts';

const SOURCE = resolve(import.meta.dirname, '..', 'src');

/** The patterns of a source file that say \p{L} but are not made through letters(): `file:line`. */
function unletteredPatterns(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const literal = ts.isRegularExpressionLiteral(node) && node.text.includes('\\p{L}');
    const made = ts.isNewExpression(node) && node.expression.getText(file) === 'RegExp';
    const parent = node.parent;
    const lettered =
      parent !== undefined && ts.isCallExpression(parent) && parent.expression.getText(file) === 'letters';
    if ((literal || (made && node.getText(file).includes('p{L}'))) && !lettered) {
      found.push(
        `${path.slice(SOURCE.length + 1)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`,
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const letter = letters(/^\p{L}$/u);
const everyLetter = /^\p{L}$/u;

describe('a letter, as the patterns say it', () => {
  it('is every Latin and Cyrillic letter \\p{L} is, and nothing else of those scripts', () => {
    const differ: string[] = [];
    const latinAndCyrillic = [
      [0x20, 0x2af],
      [0x400, 0x52f],
    ];
    for (const [from, to] of latinAndCyrillic) {
      for (let code = from!; code <= to!; code++) {
        const char = String.fromCodePoint(code);
        if (letter.test(char) !== everyLetter.test(char)) differ.push(char);
      }
    }
    expect(differ).toEqual([]);
  });

  it('covers the other scripts a message may hold a word of, and no digit, space or mark', () => {
    for (const char of [...'ßéñøΩλաאعაあカ中한']) expect(letter.test(char), char).toBe(true);
    for (const char of [...'07 ,.-_«»№%₽€\u00a0']) expect(letter.test(char), char).toBe(false);
  });

  it('stands for \\p{L} alone, inside a class or negated, and leaves every other escape as it is', () => {
    const source = String.raw`(?<![\p{L}\p{N}])сделк\p{L}*[^\p{L}]\p{Lu}\\p{L}`;
    const rewritten = lettersIn(source);
    // What is left of \p{L}: the upper-case letter's and the escaped backslash's plain «p{L}».
    expect(rewritten.match(/p\{L[u}]/gu)).toEqual(['p{Lu', 'p{L}']);
    expect(rewritten).toContain(String.raw`\p{N}])`);
    expect(rewritten.endsWith(String.raw`\p{Lu}\\p{L}`)).toBe(true);
    const pattern = letters(/(?<![\p{L}\p{N}])сделк\p{L}*[^\p{L}]\p{Lu}/u);
    expect(pattern.test('сделками!Я')).toBe(true);
    expect(pattern.test('1сделками!Я')).toBe(false);
    expect(pattern.test('сделками!я')).toBe(false);
  });

  it('matches as \\p{L} does on Russian and English text, and hands each caller of a global pattern its own', () => {
    const words = /(?<![\p{L}])[\p{L}-]+/gu;
    const text = 'Покажи сделки Орловой за ноябрь — и e-mail клиента «Ёлка» (ИП), 2026 г.';
    expect(text.match(letters(words))).toEqual(text.match(words));
    const first = letters(words);
    const second = letters(words);
    expect(first).not.toBe(second);
    first.exec(text);
    expect(second.lastIndex).toBe(0);
    expect(letters(/\p{L}+/u)).toBe(letters(/\p{L}+/u));
    expect(letters(/[0-9]+/u).source).toBe('[0-9]+');
  });

  it('is how every pattern of the product says a letter', () => {
    const files = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && name !== 'letters.ts')
      .map((name) => join(SOURCE, name));
    expect(files.flatMap(unletteredPatterns)).toEqual([]);
  });
});

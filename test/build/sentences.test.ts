// Every fixed sentence a director reads lives in the messages table (src/views/messages*.ts), in Russian and
// English. Checked on the real sources of the folders that render text: a Russian string with a space in it
// (a sentence, a label, a piece of one) anywhere else fails, unless it is one of the explained exceptions below.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FOLDERS = ['scenarios', 'assistant', 'digests', 'alerts', 'telegram', 'access', 'present', 'dashboard', 'views'];
const TABLE = /^src\/views\/messages[\w-]*\.ts$/;

/** Russian text that is not a sentence the director reads, by file: why each one may stay where it is. */
const NOT_SENTENCES: Record<string, string> = {
  'src/present/guard.ts': 'the technical words the guard removes, as patterns',
  'src/scenarios/questions/topics.ts': 'the topics as directors name them: vocabulary the typed question matches',
  'src/views/words.ts': 'the nouns in their plural forms: the grammar `count` speaks with',
  'src/views/format.ts': 'the months, a grammar table the date words are built from',
};

/**
 * A scenario entry's properties whose Russian text stays in the entry: `tool` is the model's description of the
 * scenario (the model reads it, never the director), and `status` is its status line, which the entry holds so
 * that a new scenario is one folder and one registry line (issue 24).
 */
const KEPT_PROPERTIES = new Set(['tool', 'status']);

const isRussianPhrase = (text: string) => /\p{Script=Cyrillic}/u.test(text) && /\S\s+\S/u.test(text);

function sourcesOf(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourcesOf(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Inside `tool` or `status` of a scenario's entry (`defineScenario({ … })`). */
const keptProperty = (node: ts.Node): boolean => {
  for (let at: ts.Node | undefined = node; at && !ts.isSourceFile(at); at = at.parent) {
    if (!ts.isPropertyAssignment(at) || !KEPT_PROPERTIES.has(at.name.getText())) continue;
    const call = at.parent.parent;
    return ts.isCallExpression(call) && call.expression.getText() === 'defineScenario';
  }
  return false;
};

/** The Russian phrases of one source file, as `line: text`. */
function phrasesOf(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const text =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)
        ? node.text
        : undefined;
    if (text !== undefined && isRussianPhrase(text) && !keptProperty(node)) {
      found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const phrases = new Map(
  FOLDERS.flatMap((folder) => sourcesOf(join(ROOT, 'src', folder)))
    .map((path) => [relative(ROOT, path), phrasesOf(path)] as const)
    .filter(([path, found]) => found.length > 0 && !(path in NOT_SENTENCES) && !TABLE.test(path)),
);

describe('the messages table', () => {
  it('holds every Russian sentence of the folders that render text', () => {
    expect(Object.fromEntries(phrases)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../src/present/split.ts';
import { parseTelegramHtml } from '../fakes/telegram-html.ts';
import { telegramHtmlProblems } from './html-check.ts';

/** What Telegram counts, as the fake Bot API parses it (not the product's own reading). */
const plainTextOf = (html: string) => parseTelegramHtml(html).text;

describe('splitting a long message', () => {
  const lines = Array.from(
    { length: 300 },
    (_, i) => `• <b>Сделка ${i}</b> «Ромашка» &amp; <i>партнёры</i> — ${i} 000 ₽`,
  );
  const html = `<b>Заголовок</b>\n${lines.join('\n')}\n<blockquote>${'цитата\n'.repeat(200)}конец</blockquote>`;

  it('cuts a 12 000-character view into parts within the limit, each valid HTML', () => {
    expect(html.length).toBeGreaterThan(12_000);
    const parts = splitMessage(html);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      expect(plainTextOf(part).length).toBeLessThanOrEqual(4096);
      expect(telegramHtmlProblems(part)).toEqual([]);
    }
  });

  it('cuts only at line boundaries and loses no line', () => {
    const parts = splitMessage(html);
    const strip = (text: string) => text.replace(/<\/?blockquote>/g, '');
    expect(parts.map(strip).join('\n')).toBe(strip(html));
    for (const line of lines) expect(parts.some((part) => part.split('\n').includes(line))).toBe(true);
  });

  it('closes a tag open across the cut and reopens it in the next part', () => {
    const parts = splitMessage(html);
    const quoted = parts.filter((part) => part.includes('цитата'));
    expect(quoted.length).toBeGreaterThan(0);
    for (const part of quoted) {
      expect(part.startsWith('<blockquote>') || part.includes('\n<blockquote>') || part.includes('</b>\n')).toBe(true);
      expect(part.endsWith('</blockquote>')).toBe(true);
    }
  });

  it('leaves a short message whole, and cuts a single endless line at spaces', () => {
    expect(splitMessage('коротко')).toEqual(['коротко']);
    const long = 'слово '.repeat(2000).trim();
    const parts = splitMessage(long, 1000);
    for (const part of parts) expect(plainTextOf(part).length).toBeLessThanOrEqual(1000);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(long);
  });

  it('never cuts an emoji in half, even in one endless word', () => {
    const word = `a${'😀'.repeat(3000)}`;
    const parts = splitMessage(word, 1000);
    for (const part of parts) {
      expect(plainTextOf(part).length).toBeLessThanOrEqual(1000);
      // A lone half of a surrogate pair is not a character: Telegram refuses the message.
      expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(parts.join('')).toBe(word);
  });

  it('stays within 4096 when a long link address is reopened in every part', () => {
    const href = `https://portal.example.ru/crm/deal/details/1/?${'x'.repeat(400)}`;
    const body = Array.from({ length: 400 }, (_, i) => `строка ${i} с текстом сделки «Поставка»`).join('\n');
    const parts = splitMessage(`<a href="${href}"><b>${body}</b></a>`);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(plainTextOf(part).length).toBeLessThanOrEqual(4096);
      expect(telegramHtmlProblems(part)).toEqual([]);
    }
  });

  it('counts what Telegram counts: a list whose links make the HTML long but whose text fits stays one message', () => {
    const items = Array.from(
      { length: 60 },
      (_, i) =>
        `• Сделка ${i} &amp; партнёры — 1 000 ₽ <a href="https://portal.example.ru/crm/deal/details/${i}/">↗</a>`,
    );
    const html = `<b>Сделки</b>\n${items.join('\n')}`;
    expect(html.length).toBeGreaterThan(4096);
    expect(plainTextOf(html).length).toBeLessThan(4096);
    expect(splitMessage(html)).toEqual([html]);
    // Over the limit in text, it is cut by text too: every part as full as the lines allow.
    const longer = `<b>Сделки</b>\n${[...items, ...items, ...items].join('\n')}`;
    const parts = splitMessage(longer);
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      expect(plainTextOf(part).length).toBeLessThanOrEqual(4096);
      expect(telegramHtmlProblems(part)).toEqual([]);
    }
  });
});

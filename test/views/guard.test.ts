import { describe, expect, it } from 'vitest';
import { guardPlainText, guardText } from '../../src/present/guard.ts';
import { dataMark } from '../../src/views/html.ts';
import { technical, telegramHtmlProblems } from './html-check.ts';

describe('the last-line guard', () => {
  const leaks = [
    'Вызвал метод crm.deal.list через REST API, токен истёк.',
    'Ошибка вебхука: проверьте scope и параметры JSON.',
    'See https://b24-x.bitrix24.ru/rest/1/abc123secret/crm.deal.list.json for the endpoint',
    'The webhook token is in config.ts, call tasks.task.list with OAuth parameters via the SDK and curl',
    'Метод user.current вернул JSON, см. http://127.0.0.1:8124/rest/1/s3cr3t/',
  ];

  it.each(leaks)('lets no technical word through: %s', (text) => {
    for (const language of ['ru', 'en'] as const) {
      const out = guardText(text, language);
      expect(out).not.toMatch(technical);
      expect(out).not.toContain('secret');
      expect(out).not.toContain('s3cr3t');
    }
  });

  it('finds a technical word in a long list among links and the director’s data, read in one quick look first', () => {
    const line = (n: number) =>
      `• ${dataMark(`Сделка ${n}`)} — 1 000 ₽ <a href="https://b24.example.ru/crm/deal/details/${n}/">↗</a>`;
    const lines = Array.from({ length: 30 }, (_, n) => line(n + 1));
    const html = [
      ...lines.slice(0, 20),
      'Выгрузил через crm.deal.list в deals.json, метод устарел',
      ...lines.slice(20),
    ];
    const out = guardText(html.join('\n'), 'ru');
    expect(out).not.toMatch(technical);
    expect(out).toContain('Выгрузил через в, действие устарел');
    expect(out).toContain('Сделка 30 — 1 000 ₽');
  });

  it('leaves plain English alone', () => {
    expect(guardText('Have a good rest of the week.', 'en')).toBe('Have a good rest of the week.');
  });

  it('keeps the sense of a Russian sentence', () => {
    expect(guardText('Не удалось: токен истёк.', 'ru')).toBe('Не удалось: доступ истёк.');
  });

  it('keeps the director’s own data as it is, but never a portal address', () => {
    const html = `Сделка ${dataMark('Интеграция API и JSON-выгрузка')} — метод`;
    expect(guardText(html, 'ru')).toBe('Сделка Интеграция API и JSON-выгрузка — действие');
    expect(guardText(dataMark('см. https://x.ru/rest/1/abc/'), 'ru')).not.toContain('/rest/');
  });

  it('repairs HTML to what Telegram accepts', () => {
    const out = guardText(
      '<b>жирный <i>и курсив</b></i><br/>строка<p>абзац</p> 5 < 6 & 7 > 3 <script>x</script><table>',
      'ru',
    );
    expect(telegramHtmlProblems(out)).toEqual([]);
    expect(out).toBe('<b>жирный <i>и курсив</i></b>\nстрока\nабзац\n 5 &lt; 6 &amp; 7 &gt; 3 x');
  });

  it('keeps valid links, drops links to the portal’s REST path', () => {
    expect(guardText('<a href="https://example.com/x?a=1&b=2">тут</a>', 'ru')).toBe(
      '<a href="https://example.com/x?a=1&amp;b=2">тут</a>',
    );
    expect(guardText('<a href="https://p.bitrix24.ru/rest/1/abc/">тут</a>', 'ru')).toBe('тут');
  });

  it('turns a Markdown table into one line per row', () => {
    expect(guardText('| Сделка | Сумма |\n|---|---|\n| Поставка | 5 000 ₽ |', 'ru')).toBe(
      '• Сделка — Сумма\n• Поставка — 5 000 ₽',
    );
  });

  it('guards button labels as plain text', () => {
    expect(guardPlainText(`Открыть ${dataMark('A & B <API>')} через API`, 'en')).toBe(
      'Открыть A & B <API> через Bitrix24',
    );
  });
});

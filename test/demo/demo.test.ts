// `npm run demo` in a script: lines in, answers out, as a newcomer would first try it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repository = join(import.meta.dirname, '..', '..');

function demo(lines: string[], env: Record<string, string> = {}, command = ['run', 'demo', '--silent']) {
  return spawnSync('npm', command, {
    cwd: repository,
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
}

describe('the demo, non-interactive', () => {
  it('answers tasks, a schedule and a proposal with its choices, and writes nothing unasked', () => {
    const result = demo(['мои задачи', 'что у меня завтра', 'создай задачу подготовить отчёт на пятницу', '2']);
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Вы: мои задачи');
    expect(out).toMatch(/http:\/\/127\.0\.0\.1:\d+\/dashboard\/demo/);
    expect(out).toMatch(/⚠\uFE0F?\s\d+\sзадач\S*\sпросрочен/);
    expect(out).toMatch(/Расписание на завтра|на [а-я]+, \d{1,2} [а-я]+/i);
    expect(out).toMatch(/Создать задачу «[^»]+»/);
    expect(out).toMatch(/\[1\] Да\s+\[2\] Нет/);
    expect(out).toMatch(/↳ .*отмен/i);
    // Shown as Telegram would show it: no tags.
    expect(out).not.toMatch(/<\/?(b|i|code|a)\b/);
  }, 70_000);

  it('is what `npm start` runs when nothing is set, and leaves no empty folder behind', () => {
    const temp = mkdtempSync(join(tmpdir(), 'demo-leftovers-'));
    try {
      const result = demo(['мои задачи'], { TMPDIR: temp }, ['start', '--silent']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/Ваши задачи/);
      expect(readdirSync(temp).filter((name) => name.startsWith('b24-demo'))).toEqual([]);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }, 70_000);

  it('runs the demo even when a Telegram token is set', () => {
    const result = demo(['воронка'], { TELEGRAM_BOT_TOKEN: '123:abc' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/₽/);
  }, 70_000);

  it('saves a chart and a spreadsheet to a temp folder and shows their paths', () => {
    const result = demo(['покажи воронку графиком', 'выгрузи сделки в Excel']);
    expect(result.status).toBe(0);
    const picture = /🖼 (\S.*\.png)$/m.exec(result.stdout)?.[1];
    const sheet = /📎 (\S.*\.xlsx)$/m.exec(result.stdout)?.[1];
    expect(picture).toMatch(/Воронка \d{4}-\d{2}-\d{2}\.png$/);
    expect(sheet).toMatch(/Сделки \d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(readFileSync(picture!).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(existsSync(sheet!)).toBe(true);
    rmSync(join(picture!, '..'), { recursive: true, force: true });
  }, 70_000);
});

// References to what was just shown, asked as a director would: an ordinal in any form or a pronoun names a line
// of the last list (any list: deals, tasks, a schedule, the deals at risk) for an opening and for a write, which
// is then the usual yes/no question about that record; «ещё» goes on with the latest list only; «нарисуй» and
// «выгрузи это» make the picture or the spreadsheet of the last answer. Variations are composed from parts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';
import { type Harness, startHarness } from '../assistant/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

let user = 47_000;
const chat = () => {
  const id = ++user;
  const say = async (text: string) =>
    (await h.assistant().handleText({ telegramUserId: id, chatId: id }, text)) as Reply[];
  const ask = async (text: string) => (await say(text)).map((reply) => plainTextOf(reply.html)).join('\n');
  return { say, ask };
};

/** The records of a list as shown: its bullet lines, in order. */
const bullets = (text: string) => text.split('\n').filter((line) => line.startsWith('• ') || line.startsWith('⚠️ '));
/** The title a question or a card names first: «…» or the first line without its emoji. */
const quotedTitle = (text: string) => text.match(/«(.+?)»(?:\s+(?:выполненной|на|нет|комментарий)|\?|,|$)/mu)?.[1];

// Ordinals for the second line, in the forms a director types.
const SECOND = ['вторую', '2-ю', 'вторая', 'второй', 'номер 2', '№2'];
const OPEN = ['открой', 'подробнее про', 'покажи', 'что по', 'расскажи о'];

/** Whether the card opened is of the record on that line: a deal's card, a meeting's preparation, a task's title. */
const opens = (card: string, line: string) => {
  const [first = '', second = ''] = card.split('\n');
  return [first.replace(/^💼\s*/u, ''), second, quotedTitle(card)].some((title) => title && line.includes(title));
};
const LISTS = ['сделки Морозовой', 'сделки под угрозой', 'что у меня в пятницу', 'мои просроченные'];

describe('an ordinal opens that line of any list', () => {
  const cases = LISTS.flatMap((list, l) =>
    SECOND.map((form, f) => ({ list, phrase: `${OPEN[(l + f) % OPEN.length]} ${form}` })),
  );
  it.each(cases)('«$phrase» after «$list»', async ({ list, phrase }) => {
    const { ask } = chat();
    const lines = bullets(await ask(list));
    expect(lines.length).toBeGreaterThan(1);
    const card = await ask(phrase);
    expect(opens(card, lines[1]!), card).toBe(true);
  });

  it('«последнюю» is the last line, and a place past the end is said so', async () => {
    const { ask } = chat();
    const lines = bullets(await ask('мои просроченные'));
    expect(lines.at(-1)).toContain(quotedTitle(await ask('подробнее про последнюю')));
    expect(await ask(`открой ${lines.length + 3}-ю`)).toMatch(/^В последнем списке только \d+[\s\u00a0]строк/u);
  });
});

describe('an ordinal names the record of a write, asked yes or no', () => {
  const CLOSE = ['закрой', 'заверши', 'выполни'];
  const FORMS = [
    ['первую', 0],
    ['1-ю', 0],
    ['третью', 2],
    ['3-ю', 2],
  ] as const;
  it.each(CLOSE.flatMap((verb) => FORMS.map(([form, index]) => ({ phrase: `${verb} ${form}`, index }))))(
    '«$phrase» after the overdue tasks',
    async ({ phrase, index }) => {
      const { ask } = chat();
      const lines = bullets(await ask('мои просроченные'));
      const asked = await ask(phrase);
      expect(asked).toMatch(/^Отметить задачу «/u);
      expect(lines[index]).toContain(quotedTitle(asked)!);
    },
  );

  it.each(['третьей', '3-й', 'третьей задачи'])('«перенеси срок %s на пятницу» moves that task', async (form) => {
    const { ask } = chat();
    const lines = bullets(await ask('мои просроченные'));
    const asked = await ask(`перенеси срок ${form} на пятницу`);
    expect(asked).toMatch(/^Перенести срок задачи «.+» на пятницу/u);
    expect(lines[2]).toContain(quotedTitle(asked)!);
  });

  it.each([
    ['переведи первую на финальный счёт', 0, /на этап «Финальный счёт»/u],
    ['переведи вторую в успешные', 1, /./u],
    ['передвинь 2-ю сделку в выигранные', 1, /./u],
  ])('«%s» after a person’s deals', async (phrase, index, stage) => {
    const { ask } = chat();
    const lines = bullets(await ask('сделки Морозовой'));
    const asked = await ask(phrase);
    expect(asked).toMatch(/^(?:Перевести|Закрыть|Отметить) сделку «/u);
    expect(asked).toMatch(stage);
    expect(lines[index]).toContain(quotedTitle(asked)!);
  });

  it('a reference with nothing shown before, or to one of several, is said so in one sentence', async () => {
    expect(await chat().ask('закрой первую')).toMatch(/^Не понял, о какой записи речь/u);
    const { ask } = chat();
    await ask('мои просроченные');
    expect(await ask('закрой её')).toMatch(/^Не понял, о какой из записей списка речь/u);
  });
});

describe('a pronoun names the record just opened or shown alone', () => {
  const DEAL_PRONOUNS = ['её', 'ее', 'эту сделку'];
  it.each(DEAL_PRONOUNS)('«переведи %s в успешные» after a deal is opened', async (pronoun) => {
    const { ask } = chat();
    await ask('сделки Морозовой');
    const card = await ask('открой вторую');
    const title = card.split('\n')[0]!.replace(/^💼\s*/u, '');
    const asked = await ask(`переведи ${pronoun} в успешные`);
    expect(asked).toContain(`сделку «${title}»`);
  });

  it.each([
    'добавь в неё комментарий созвонились, ждут договор',
    'добавь к ней комментарий: созвонились, ждут договор',
  ])('«%s» comments on the only deal shown', async (phrase) => {
    const { ask } = chat();
    const lines = bullets(await ask('сделки Ромашки'));
    expect(lines).toHaveLength(1);
    const asked = await ask(phrase);
    expect(asked).toMatch(/^Добавить к сделке «.+» комментарий «Созвонились, ждут договор»\?/u);
    expect(lines[0]).toContain(quotedTitle(asked)!);
  });

  it.each(['закрой её', 'выполни её', 'заверши эту задачу'])('«%s» after a task is opened', async (phrase) => {
    const { ask } = chat();
    const lines = bullets(await ask('мои просроченные'));
    await ask('открой вторую');
    const asked = await ask(phrase);
    expect(asked).toMatch(/^Отметить задачу «/u);
    expect(lines[1]).toContain(quotedTitle(asked)!);
  });

  it('«поставь по ней задачу …» binds the new task to the deal just opened', async () => {
    const { ask } = chat();
    await ask('сделки Морозовой');
    const card = await ask('открой первую');
    const title = card.split('\n')[0]!.replace(/^💼\s*/u, '');
    expect(await ask('поставь по ней задачу позвонить клиенту')).toContain(`с привязкой к сделке «${title}»`);
  });
});

describe('«ещё» goes on with the latest list', () => {
  const MORE = ['ещё', 'еще', 'дальше', 'покажи ещё', 'покажи остальные', 'следующие', 'давай дальше'];

  it.each(MORE)('«%s» after the open deals shows their next part, with an «Ещё» button before', async (word) => {
    const { say, ask } = chat();
    const deals = await say('покажи сделки');
    const buttons = deals.flatMap((reply) => (reply.buttons ?? []).flat().map((button) => button.text));
    expect(buttons.some((text) => /^Ещё \d+ из \d+$/u.test(text))).toBe(true);
    expect(await ask(word)).toMatch(/^💼 Открытые сделки: \d+ на .+ \(с 21-й\)/u);
  });

  it.each(MORE)('«%s» after a whole list says there is nothing more, never an empty page', async (word) => {
    const { ask } = chat();
    await ask('мои просроченные');
    expect(await ask(word)).toBe('Это весь список: больше в нём ничего нет.');
  });

  it('an older list is never paged: after the deals, «ещё» goes on with the deals, not the tasks', async () => {
    const { ask } = chat();
    await ask('все задачи отдела продаж');
    await ask('покажи сделки');
    expect(await ask('ещё')).toMatch(/^💼 Открытые сделки/u);
  });
});

describe('a picture or a spreadsheet of what was just shown', () => {
  const attached = (replies: Reply[]) => replies.some((reply) => reply.attachment !== undefined);
  it.each(['нарисуй', 'покажи графиком', 'на картинке', 'график', 'в виде диаграммы', 'нарисуй это'])(
    '«%s» after sales by month is that chart',
    async (phrase) => {
      const { say } = chat();
      await say('продажи по месяцам');
      const replies = await say(phrase);
      expect(attached(replies)).toBe(true);
      expect(plainTextOf(replies[0]!.html)).not.toMatch(/Расписание/u);
    },
  );

  it.each(['выгрузи это', 'в эксель', 'выгрузи в excel', 'выгрузи это в эксель', 'в таблицу'])(
    '«%s» after a person’s deals is their spreadsheet',
    async (phrase) => {
      const { say } = chat();
      await say('сделки Морозовой');
      expect(attached(await say(phrase))).toBe(true);
    },
  );

  it('«график» with nothing shown asks what to draw; «мой график» and «график на завтра» are the schedule', async () => {
    expect(await chat().ask('график')).toMatch(/^Что нарисовать\?/u);
    expect(await chat().ask('мой график')).toMatch(/^📅 Расписание/u);
    expect(await chat().ask('график на завтра')).toMatch(/^📅 Расписание на четверг/u);
  });

  it('«график продаж» is money by month, not the funnel', async () => {
    const replies = await chat().say('график продаж');
    expect(replies[0]?.attachment).toBeDefined();
    expect(plainTextOf(replies[0]!.html)).toMatch(/по месяцам/u);
  });
});

describe('«они» after a list or a client just shown', () => {
  const CLIENTS = ['Ромашка', 'Гранит', 'Техносфера'];
  const DEALS_OF_THEM = ['а сделки у них какие?', 'какие у них сделки', 'покажи сделки по ним'];
  it.each(CLIENTS.flatMap((client) => DEALS_OF_THEM.map((phrase) => ({ client, phrase }))))(
    '«$phrase» after the dossier of $client is that client’s deals',
    async ({ client, phrase }) => {
      const { ask } = chat();
      const dossier = await ask(`досье ${client}`);
      const title = dossier.split('\n')[0]!.replace(/^\S+\s/u, '');
      expect(await ask(phrase)).toMatch(
        new RegExp(`^💼 Открытые сделки по клиенту ${title.replace(/[«»]/gu, '.')}`, 'u'),
      );
    },
  );

  it.each(['сколько из них просрочено', 'а из них просроченные?', 'покажи среди них просроченные'])(
    '«%s» after my tasks narrows that list',
    async (phrase) => {
      const { ask } = chat();
      await ask('мои задачи');
      expect(await ask(phrase)).toMatch(/^✅ Ваши просроченные задачи: \d+/u);
    },
  );

  it.each([
    ['лиды за ноябрь', 'кто их обрабатывает?'],
    ['просроченные задачи отдела продаж', 'кто из них?'],
    ['выигранные сделки за квартал', 'а кто их ведёт'],
  ])('after «%s», «%s» is that list by person', async (list, phrase) => {
    const { ask } = chat();
    const header = (await ask(list))
      .split('\n')[0]!
      .replace(/^\S+\s/u, '')
      .replace(/:.*$/u, '');
    expect(await ask(phrase)).toMatch(
      new RegExp(`^📊 ${header.replace(/[«»()]/gu, '.')} по (?:менеджерам|сотрудникам)`, 'u'),
    );
  });
});

// A question waiting is continued by typed words (promises 3 and 10), from the director's side: a typed yes or
// no in any form is the tap of the yes/no question (the write runs once, a later tap does not run it again); a
// message that is only the missing piece fills it; a message changing one part asks again with that part
// changed; a new question drops the waiting one; a «да» with nothing waiting gets an honest sentence.
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import type { Reply } from '../../src/views/reply.ts';
import { harnessForFile, plainReplies, WEDNESDAY_MORNING } from './harness.ts';

const h = await harnessForFile();
beforeEach(() => {
  h.clock.now = new Date(WEDNESDAY_MORNING);
});

const written = () => JSON.stringify([h.portal.data.tasks, h.portal.data.deals, h.portal.data.events]);
const buttonOf = (replies: Reply[], kind: 'confirm' | 'cancel') =>
  replies.flatMap((reply) => reply.buttons?.flat() ?? []).find((button) => button.action.kind === kind);

/** One chat with one assistant: what the director reads after each message. */
function conversation() {
  const who = h.newChat();
  const assistant = h.assistant();
  let last: Reply[] = [];
  return {
    say: async (text: string) => {
      last = h.record(await assistant.handleText(who, text));
      // Money is grouped with thin spaces: compared as plain ones.
      return plainReplies(last).replace(/[\u00a0\u202f\u2009]/gu, ' ');
    },
    replies: () => last,
    tap: async (replies: Reply[], kind: 'confirm' | 'cancel') => {
      const button = buttonOf(replies, kind);
      expect(button).toBeDefined();
      const outcome = h.recordOutcome(await assistant.handleButton(who, encodeAction(button!.action), 5));
      return plainReplies([...(outcome.edit ? [outcome.edit] : []), ...outcome.replies]) || outcome.notice;
    },
  };
}

// Each write, and how to find what it wrote.
const writes: { said: string; asked: RegExp; landed: () => number }[] = [
  {
    said: 'поставь Попову задачу сверить склад до пятницы',
    asked: /^Создать задачу «Сверить склад» на пятницу, 27 ноября, 18:00, ответственный — Дмитрий Попов\?$/u,
    landed: () => h.portal.data.tasks.filter((task) => task.title === 'Сверить склад').length,
  },
  {
    said: 'создай сделку Монтаж линии на 700 тысяч',
    asked: /^Создать сделку «Монтаж линии» на 700 000 ₽\?$/u,
    landed: () => h.portal.data.deals.filter((deal) => deal.TITLE === 'Монтаж линии').length,
  },
  {
    said: 'назначь встречу с Поповым в пятницу в 12',
    asked: /^Назначить встречу «Встреча с Поповым» на пятницу, 27 ноября, 12:00–13:00, участники — Дмитрий Попов\?$/u,
    landed: () => h.portal.data.events.filter((event) => event.NAME === 'Встреча с Поповым').length,
  },
];

const cleanUp = () => {
  const drop = <T>(rows: T[], gone: (row: T) => boolean) => {
    for (const row of rows.filter(gone)) rows.splice(rows.indexOf(row), 1);
  };
  drop(h.portal.data.tasks, (task) => task.title === 'Сверить склад');
  drop(h.portal.data.deals, (deal) => deal.TITLE === 'Монтаж линии');
  drop(h.portal.data.events, (event) => event.NAME === 'Встреча с Поповым');
};

const yesForms = [
  'да',
  'Да!',
  'ДА',
  'давай',
  'ок',
  'Ок, создавай',
  'подтверждаю',
  'да, конечно',
  'ага',
  'Да, пожалуйста',
];
// «ок», «ага» with nothing waiting are an acknowledgment, answered as one; «да» is a yes to nothing, said so.
const NOTHING_TO_CONFIRM = 'Сейчас нечего подтверждать: я ничего не предлагал. Напишите, что сделать или показать.';
const afterNothing = (yes: string) => (/^(?:ок|ага)$/iu.test(yes) ? '👍' : NOTHING_TO_CONFIRM);
const noForms = ['нет', 'Нет.', 'не надо', 'отмена', 'отмени', 'нет, не надо', 'Не нужно', 'нет, спасибо'];

describe('a typed yes is the tap of «Да»', () => {
  it.each(yesForms.map((yes, form) => [yes, writes[form % 3]!.said, writes[form % 3]!] as const))(
    '«%s» after «%s» writes it once; the button tapped after does not write it again',
    async (yes, _said, write) => {
      cleanUp();
      const chat = conversation();
      expect(await chat.say(write.said)).toMatch(write.asked);
      const question = chat.replies();
      expect(write.landed()).toBe(0);
      expect(await chat.say(yes)).toMatch(/^✅ /u);
      expect(write.landed()).toBe(1);
      await chat.tap(question, 'confirm');
      expect(await chat.say(yes)).toBe(afterNothing(yes));
      expect(write.landed()).toBe(1);
      cleanUp();
    },
  );
});

describe('a typed no is the tap of «Нет»', () => {
  it.each(noForms.flatMap((no, form) => [[no, writes[form % 3]!] as const]))(
    '«%s» cancels, nothing is written, and «Да» tapped after writes nothing',
    async (no, write) => {
      cleanUp();
      const chat = conversation();
      await chat.say(write.said);
      const question = chat.replies();
      const before = written();
      expect(await chat.say(no)).toBe('Отменено.');
      expect(await chat.tap(question, 'confirm')).toBe('Отменено.');
      expect(written()).toBe(before);
    },
  );
});

describe('nothing waiting', () => {
  it('a «да» after «Да» was tapped is a yes to nothing: said so, nothing written again', async () => {
    cleanUp();
    const chat = conversation();
    await chat.say(writes[0]!.said);
    await chat.tap(chat.replies(), 'confirm');
    expect(await chat.say('да')).toBe(
      'Сейчас нечего подтверждать: я ничего не предлагал. Напишите, что сделать или показать.',
    );
    expect(writes[0]!.landed()).toBe(1);
    cleanUp();
  });

  it.each(['да', 'Да!', 'подтверждаю'])('«%s» says plainly there is nothing to confirm', async (yes) => {
    const chat = conversation();
    await chat.say('мои задачи');
    expect(await chat.say(yes)).toBe(NOTHING_TO_CONFIRM);
  });

  it('«ок» after a list is an acknowledgment, not a yes to anything', async () => {
    const chat = conversation();
    await chat.say('мои задачи');
    expect(await chat.say('ок')).toBe('👍');
  });

  it('«да» to a pick list asks for the pick, and the list still takes a typed answer', async () => {
    const chat = conversation();
    expect(await chat.say('поручи подготовить отчёт до пятницы')).toMatch(/^Кому поручить задачу/u);
    expect(await chat.say('да')).toBe('Выберите вариант кнопкой выше или напишите его.');
    expect(await chat.say('Попову')).toBe(
      'Создать задачу «Подготовить отчёт» на пятницу, 27 ноября, 18:00, ответственный — Дмитрий Попов?',
    );
  });

  it('«да» to a question waiting for words asks for them, and the words still answer it', async () => {
    const chat = conversation();
    expect(await chat.say('создай задачу')).toBe('Что нужно сделать?');
    expect(await chat.say('да')).toBe('Напишите, пожалуйста, ответ на вопрос выше.');
    expect(await chat.say('заказать воду')).toBe('Создать задачу «Заказать воду» без срока, ответственный — вы?');
  });

  it('a new question drops the waiting yes/no question: a «да» after it writes nothing', async () => {
    cleanUp();
    const chat = conversation();
    await chat.say(writes[0]!.said);
    expect(await chat.say('что у меня завтра')).toMatch(/^📅/u);
    await chat.say('да');
    expect(writes[0]!.landed()).toBe(0);
  });
});

// The pieces a request may lack, each answered by a message that is only that piece.
describe('the missing piece fills the waiting request', () => {
  const starts = ['создай встречу', 'назначь встречу', 'запланируй встречу'];
  const people = [
    ['с Поповым', 'Дмитрий Попов'],
    ['с Павловой', 'Елена Павлова'],
  ];
  const times = [
    ['завтра в 16', 'четверг, 26 ноября, 16:00–17:00'],
    ['в пятницу в 12', 'пятницу, 27 ноября, 12:00–13:00'],
    ['27 ноября в 11:30', 'пятницу, 27 ноября, 11:30–12:30'],
  ];
  it.each(starts.flatMap((start, s) => people.flatMap((person, p) => [[start, ...person, ...times[(s + p) % 3]!]])))(
    '«%s», «%s», «%s»: asks when and with whom, then the day and time, then the one question',
    async (start, with_, name, when, shown) => {
      const chat = conversation();
      expect(await chat.say(start)).toBe('Когда и с кем встреча?');
      expect(await chat.say(with_)).toBe('На какой день и время назначить встречу?');
      const question = await chat.say(when);
      expect(question).toContain(shown);
      expect(question).toContain(`участники — ${name}`);
    },
  );

  it.each([
    ['в 11', '11:00–12:00'],
    ['в 16:30', '16:30–17:30'],
    ['к 15', '15:00–16:00'],
  ])('a day without a time asks the time; «%s» fills it', async (time, shown) => {
    const chat = conversation();
    expect(await chat.say('назначь созвон с Фёдоровым на пятницу')).toBe('Во сколько начать встречу?');
    expect(await chat.say(time)).toMatch(
      new RegExp(
        `^Назначить встречу «Созвон с Фёдоровым» на пятницу, 27 ноября, ${shown}, участники — Михаил Фёдоров\\?`,
        'u',
      ),
    );
  });

  it('a comment asks which deal, then what to write; a bare name and a plain sentence answer', async () => {
    const chat = conversation();
    expect(await chat.say('добавь комментарий к сделке')).toBe('Какую сделку? Напишите часть её названия.');
    expect(await chat.say('Ромашка')).toMatch(/^(?:Что написать в комментарии\?|К какой сделке)/u);
  });

  it('a deal for a client asks its name; the name answers, the client stays the client', async () => {
    const chat = conversation();
    expect(await chat.say('создай сделку для Гранита')).toBe('Как назвать сделку?');
    expect(await chat.say('Поставка щебня')).toBe('Создать сделку «Поставка щебня», клиент — компания ООО «Гранит»?');
  });

  it('a task for a person asks what to do; the answer is the title, the person stays the person', async () => {
    const chat = conversation();
    expect(await chat.say('создай задачу Попову')).toBe('Что нужно сделать?');
    expect(await chat.say('сверить остатки до пятницы')).toBe(
      'Создать задачу «Сверить остатки» на пятницу, 27 ноября, 18:00, ответственный — Дмитрий Попов?',
    );
  });
});

describe('a changed part asks again with that part changed', () => {
  const task = 'поставь Соколову задачу подготовить КП до четверга';
  it.each(['а срок на пятницу', 'лучше до пятницы', 'нет, на пятницу', 'давай в пятницу', 'срок — пятница'])(
    '«%s» moves the deadline, keeps the person',
    async (change) => {
      const chat = conversation();
      expect(await chat.say(task)).toContain('на четверг, 26 ноября, 18:00, ответственный — Игорь Соколов');
      expect(await chat.say(change)).toBe(
        'Создать задачу «Подготовить КП» на пятницу, 27 ноября, 18:00, ответственный — Игорь Соколов?',
      );
    },
  );

  it.each(['и ответственный Попов', 'лучше Попову', 'нет, пусть Попов', 'не Соколову, а Попову', 'поручи Попову'])(
    '«%s» changes the person, keeps the deadline',
    async (change) => {
      const chat = conversation();
      await chat.say(task);
      expect(await chat.say(change)).toBe(
        'Создать задачу «Подготовить КП» на четверг, 26 ноября, 18:00, ответственный — Дмитрий Попов?',
      );
    },
  );

  it.each([
    ['лучше в 15', 'пятницу, 27 ноября, 15:00–16:00'],
    ['а в 16:30', 'пятницу, 27 ноября, 16:30–17:30'],
    ['давай на понедельник', 'понедельник, 30 ноября, 12:00–13:00'],
    ['нет, в четверг в 17', 'четверг, 26 ноября, 17:00–18:00'],
  ])('«%s» moves the new meeting, keeps its length and who comes', async (change, shown) => {
    const chat = conversation();
    await chat.say('назначь встречу с Поповым в пятницу в 12');
    expect(await chat.say(change)).toBe(
      `Назначить встречу «Встреча с Поповым» на ${shown}, участники — Дмитрий Попов?`,
    );
  });

  it.each(['а на 3 млн', 'лучше 3 млн', 'нет, на 3 000 000'])('«%s» changes the deal’s sum', async (change) => {
    const chat = conversation();
    await chat.say('создай сделку Монтаж линии на 700 тысяч');
    expect(await chat.say(change)).toBe('Создать сделку «Монтаж линии» на 3 000 000 ₽?');
  });

  it('the old question is withdrawn: its «Да» writes nothing, the new one writes the changed task once', async () => {
    const chat = conversation();
    await chat.say('поставь Попову задачу сверить склад до четверга');
    const old = chat.replies();
    await chat.say('а срок на пятницу');
    const changed = chat.replies();
    expect(await chat.tap(old, 'confirm')).toBe('Отменено.');
    expect(h.portal.data.tasks.filter((t) => t.title === 'Сверить склад')).toHaveLength(0);
    await chat.tap(changed, 'confirm');
    const made = h.portal.data.tasks.filter((t) => t.title === 'Сверить склад');
    expect(made.map((t) => String(t.deadline).slice(0, 10))).toEqual(['2026-11-27']);
    cleanUp();
  });
});

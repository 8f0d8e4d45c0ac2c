// Small talk: a message made only of thanks, a goodbye, «ты кто?», «как дела?», praise, a complaint, «ок» or
// «отмена» gets a short answer of its own, never the refusal. The message is cut into such phrases; any other
// word and it is a question, not small talk.

import { letters } from '../../letters.ts';
import type { SmallTalk } from '../../views/messages-understanding.ts';
import type { Intent } from '../understanding.ts';

type Said = SmallTalk | 'thanks' | 'greeting';

const end = '(?![\\p{L}\\p{N}])';
// Each phrase a whole run of words; the first kind that has one in the message wins (order of PHRASES).
const PHRASES: [Said, string][] = [
  [
    'who',
    'ты\\s+кто(?:\\s+так(?:ой|ая))?|кто\\s+ты(?:\\s+так(?:ой|ая))?|ты\\s+(?:бот|робот|человек|живой|нейросеть|ии|ai|программа)|' +
      'who\\s+are\\s+you|what\\s+are\\s+you|are\\s+you\\s+(?:a\\s+)?(?:bot|robot|human|real|ai)',
  ],
  [
    'howAreYou',
    'как\\s+(?:у\\s+тебя\\s+)?(?:дела|делишки|жизнь|поживаешь|ты|сам|настроение)|' +
      'how\\s+are\\s+(?:you|things)|how\\s+is\\s+it\\s+going|how\\W?s\\s+it\\s+going',
  ],
  [
    'bye',
    'пока(?:-пока)?|до\\s+(?:свидания|завтра|встречи|связи|понедельника)|всего\\s+(?:доброго|хорошего)|' +
      'хорошего\\s+(?:дня|вечера)|спокойной\\s+ночи|бывай|увидимся|good\\s*bye|bye|see\\s+(?:you|ya)|good\\s+night',
  ],
  [
    'thanks',
    '(?:спасибо|спс|пасиб\\p{L}*|благодарю|благодарствую|мерси|сенкс|thanks?|thank\\s+you|thx|ty)' +
      '(?:\\s+(?:большое|огромное|тебе|вам|за\\s+помощь|a\\s+lot|so\\s+much|very\\s+much))*',
  ],
  [
    'complaint',
    'не\\s+то|не\\s+так|неправильно|не\\s+правильно|неверно|ошибка|ерунда|чушь|бред|' +
      'ты\\s+не\\s+понял|не\\s+то\\s+показал|wrong|not\\s+that|that\\W?s\\s+wrong|that\\s+is\\s+wrong',
  ],
  ['cancel', 'отмена|отмени|отменить|стоп|хватит|cancel|stop|never\\s*mind'],
  [
    'praise',
    'отлично|супер|класс|классно|круто|молодец|умница|здорово|прекрасно|замечательно|великолепно|шикарно|огонь|' +
      'great|awesome|cool|nice|perfect|well\\s+done|good\\s+job|excellent|amazing',
  ],
  [
    'ok',
    'ок|окей|ok|okay|ясно|понятно|понял|поняла|хорошо|ладно|угу|ага|принято|договорились|' +
      'got\\s+it|i\\s+see|alright|all\\s+right|fine|sure|👍',
  ],
  ['greeting', 'привет\\p{L}*|здравствуй\\p{L}*|добр\\p{L}+\\s+(?:день|утро|вечер)|hi|hello|hey'],
];

// Words that only soften what is said: «ну», «вот», «тебе», «а».
const SOFT = 'ну|вот|а|и|же|уж|тогда|всё|все|так|ещё|еще|тебе|вам|бот|дружище|oh|well|then|and|so';

const phraseRe = letters(
  new RegExp(`^(?:${PHRASES.map(([, words]) => `(${words})`).join('|')}|(?:${SOFT}))${end}`, 'u'),
);

/** The small talk a message is made of, or undefined when any word of it asks for something. */
export function smallTalkOf(light: string): Intent | undefined {
  let rest = light.replace(/[\s,.!?…;:)(-]+/gu, ' ').trim();
  const said = new Set<Said>();
  while (rest) {
    const match = phraseRe.exec(rest);
    if (!match) return undefined;
    const kind = PHRASES.findIndex((_, at) => match[at + 1] !== undefined);
    if (kind >= 0) said.add(PHRASES[kind]![0]);
    rest = rest.slice(match[0].length).trim();
  }
  const first = PHRASES.find(([kind]) => said.has(kind))?.[0];
  // A hello alone is the greeting's, read where greetings are.
  if (!first || first === 'greeting') return undefined;
  return first === 'thanks' ? { kind: 'thanks' } : { kind: 'smallTalk', what: first };
}

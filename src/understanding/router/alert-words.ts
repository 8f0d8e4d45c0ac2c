// Alert settings said in words: «оповещения», «не присылай про лиды», «сообщай о сделках больше миллиона»,
// «не присылай про откаты сделок», «не сообщай о переносах сроков»,
// «выключи оповещения», "stop alerts about leads", "alert me about deals over 2 million".

import { letters } from '../../letters.ts';
import type { AlertChange, AlertKind } from '../../vocabulary/alert-kinds.ts';
import { quietChangeOf } from './quiet-words.ts';

const SETTINGS = letters(
  /^(?:оповещени\p{L}*|уведомлени\p{L}*|настро\p{L}*\s+оповещени\p{L}*|alerts|alert\s+settings)$/u,
);
const ALL = letters(
  /^(включи|выключи|отключи|switch\s+on|switch\s+off|turn\s+on|turn\s+off)\s+(?:все\s+|all\s+)?(?:оповещени\p{L}*|уведомлени\p{L}*|alerts)$/u,
);
const STOP =
  /(?:не\s+(?:присылай|сообщай|пиши|уведомляй|надо)|перестань\s+(?:присылать|сообщать|писать)|хватит|stop|don[’']?t\s+(?:send|tell)|no\s+more)/u;
const TELL = /(?:присылай|сообщай|уведомляй|пиши\s+мне|сообщать|tell\s+me|alert\s+me|notify\s+me|send\s+me)/u;

const KIND_WORDS: [RegExp, AlertKind[]][] = [
  [letters(/откат\p{L}*|просто\p{L}*\s+сделк|застр\p{L}*|stalled|slid\p{L}*|moved\s+back/u), ['dealSlipped']],
  [letters(/перенос\p{L}*|срок\p{L}*\s+(?:сделк|закрыт)|close\s+dates?/u), ['closeDateMoved']],
  [letters(/(?:выигр\p{L}*|won)\s+(?:сделк\p{L}*|deals?)|сделк\p{L}*\s+выигр/u), ['dealWon']],
  [letters(/(?:проигр\p{L}*|lost)\s+(?:сделк\p{L}*|deals?)|сделк\p{L}*\s+проигр/u), ['dealLost']],
  [letters(/сделк\p{L}*|deals?/u), ['dealWon', 'dealLost', 'dealSlipped', 'closeDateMoved']],
  [letters(/лид(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?!\p{L})|leads?/u), ['leadUntouched']],
  [letters(/(?:выполн\p{L}*|закрыт\p{L}*|done|completed)\s+(?:задач\p{L}*|tasks?)/u), ['taskDone']],
  [letters(/просроч\p{L}*|overdue/u), ['taskOverdue']],
  [letters(/задач\p{L}*|tasks?/u), ['taskDone', 'taskOverdue']],
  [letters(/встреч\p{L}*|meetings?/u), ['meetingAdded']],
];

const ABOUT = /(?:^|\s)(?:про|о|об|обо|about|on)\s|оповещ|уведомл|alerts?/u;

const SUM = letters(
  /(?:больше|от|свыше|дороже|более|over|above|from)\s+(\d[\d\s.,]*)?\s*(миллион\p{L}*|млн|тысяч\p{L}*|тыс|million|m|thousand|k)?/u,
);

function sumOf(light: string): number | undefined {
  const match = light.match(SUM);
  if (!match || (!match[1] && !match[2])) return undefined;
  const base = match[1] ? Number(match[1].replace(/\s/g, '').replace(',', '.')) : 1;
  const unit = match[2] ?? '';
  const scale = /^(?:миллион|млн|million|m$)/u.test(unit)
    ? 1_000_000
    : /^(?:тысяч|тыс|thousand|k$)/u.test(unit)
      ? 1000
      : 1;
  const sum = base * scale;
  return Number.isFinite(sum) && sum >= 0 ? sum : undefined;
}

/** The alert settings a message asks for, or undefined when it is about something else. */
export function alertChangeOf(light: string): { change?: AlertChange } | undefined {
  const text = light.trim().toLowerCase();
  if (SETTINGS.test(text)) return {};
  const quiet = quietChangeOf(text);
  if (quiet) return { change: quiet };
  const all = text.match(ALL);
  if (all) return { change: { on: !/выключи|отключи|off/u.test(all[1]!) } };
  const stop = STOP.test(text);
  const tell = !stop && TELL.test(text);
  // «про лиды», «о сделках», «оповещения о задачах»: about events, not a digest («не присылай новые лиды»).
  if ((!stop && !tell) || !ABOUT.test(text)) return undefined;
  const kinds = KIND_WORDS.find(([pattern]) => pattern.test(text))?.[1];
  if (!kinds) return undefined;
  const sum = tell && kinds.includes('dealWon') ? sumOf(text) : undefined;
  if (sum !== undefined) return { change: { dealsFrom: sum } };
  return { change: { kinds, on: tell } };
}

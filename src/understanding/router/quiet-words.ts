// When not to be disturbed, said in words: «тихие часы с 22 до 8», «не беспокой меня ночью», «по выходным не
// присылай», «выключи тихие часы», «пиши и в выходные», "quiet hours from 10 to 7", "nothing at weekends".

import { letters } from '../../letters.ts';
import type { AlertChange } from '../../vocabulary/alert-kinds.ts';

const QUIET_HOURS = letters(/тих\p{L}*\s+(?:час|режим)\p{L}*|quiet\s+hours|do\s+not\s+disturb/u);
const DO_NOT = letters(
  /не\s+(?:беспокой|тревожь|пиши|присылай|сообщай|уведомляй|буди|отправляй|надо\s+(?:писать|присылать))\p{L}*|не\s+хочу\s+(?:ничего\s+)?(?:получать|оповещени)|don[’']?t\s+(?:disturb|send|write|message|notify)|no\s+(?:alerts|messages|notifications)|nothing/u,
);
const ALSO = letters(
  /(?:пиши|присылай|сообщай|уведомляй|send|write|notify)\p{L}*\s+(?:и|тоже|also|even)\s|тоже|as\s+well|too/u,
);
const NIGHT = letters(/(?<!\p{L})(?:ночь\p{L}*|ночам|ночью|at\s+night|overnight)(?!\p{L})/u);
const WEEKENDS = letters(/выходн\p{L}*|weekends?/u);
const OFF = letters(
  /(?:выключи|отключи|убери|отмени|без)\s+тих\p{L}*\s+(?:час|режим)\p{L}*|(?:turn|switch)\s+off\s+quiet\s+hours|no\s+quiet\s+hours/u,
);
const SPAN = letters(
  /(?:с|from)\s+(\d{1,2})(?:[:.](\d{2}))?\s*(?:ч\p{L}*\s+)?(?:вечера\s+)?(?:до|to|till|until|[-–])\s*(\d{1,2})(?:[:.](\d{2}))?/u,
);
const AFTER = /(?:после|позже|after)\s+(\d{1,2})(?:[:.](\d{2}))?/u;

const clock = (hours: string, minutes = '00') => {
  const hour = Number(hours);
  return hour <= 24 && Number(minutes) < 60 ? `${String(hour % 24).padStart(2, '0')}:${minutes}` : undefined;
};

/** The span of quiet hours the words name: «с 22 до 8», «после 21» (until eight), or undefined. */
function spanOf(light: string): { from: string; to: string } | undefined {
  const span = SPAN.exec(light);
  if (span) {
    const [from, to] = [clock(span[1]!, span[2]), clock(span[3]!, span[4])];
    return from && to ? { from, to } : undefined;
  }
  const after = AFTER.exec(light);
  const from = after && clock(after[1]!, after[2]);
  return from ? { from, to: '08:00' } : undefined;
}

/** The quiet hours or weekends a message sets, or undefined when it says nothing of when not to write. */
export function quietChangeOf(light: string): AlertChange | undefined {
  if (OFF.test(light)) return { quiet: { from: '00:00', to: '00:00' } };
  const asked = QUIET_HOURS.test(light);
  const refused = DO_NOT.test(light);
  const weekends = WEEKENDS.test(light);
  // «пиши и в выходные»: the weekends are no longer quiet.
  if (weekends && !refused && !asked && ALSO.test(light)) return { quietWeekends: false };
  if (!asked && !refused) return undefined;
  const span = spanOf(light);
  const quiet = span ?? (NIGHT.test(light) ? 'night' : undefined);
  // «тихие часы» alone: the settings, shown as they are.
  if (!quiet && !weekends) return asked ? {} : undefined;
  return { ...(quiet ? { quiet } : {}), ...(weekends ? { quietWeekends: true } : {}) };
}

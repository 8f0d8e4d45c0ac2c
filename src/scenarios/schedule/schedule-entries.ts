// The calendar: a day or a few, and the papers for one meeting.
import { READS } from '../../vocabulary/catalogue.ts';
import { defineScenario, renders } from '../entry.ts';
import { SHOWN_MEETING, SHOWN_SCHEDULE } from '../shown-lists.ts';
import { meetingPrep } from './meeting-prep.ts';
import { renderMeetingPrep } from './meeting-prep-view.ts';
import { scheduleFor } from './schedule.ts';
import { renderSchedule } from './schedule-view.ts';

export const SCHEDULE = defineScenario({
  name: 'schedule',
  request: READS.schedule,
  run: (context, request) => scheduleFor(context, request.date, request.to),
  views: renders({ schedule: renderSchedule }),
  shown: { schedule: SHOWN_SCHEDULE },
  status: { ru: 'Смотрю календарь…', en: 'Checking the calendar…' },
  code: 'sc',
});

export const MEETING_PREP = defineScenario({
  name: 'meetingPrep',
  request: READS.meetingPrep,
  run: (context, request) => meetingPrep(context, request),
  views: renders({ meetingPrep: renderMeetingPrep }),
  shown: { meetingPrep: SHOWN_MEETING },
  status: { ru: 'Готовлю материалы к встрече…', en: 'Preparing for the meeting…' },
  code: 'mp',
});

// The director's own open tasks.

import { READS } from '../../vocabulary/catalogue.ts';
import { defineScenario, renders } from '../entry.ts';
import { SHOWN_TASKS } from '../shown-lists.ts';
import { myTasks } from './my-tasks.ts';
import { renderTasks } from './tasks-view.ts';

export const MY_TASKS = defineScenario({
  name: 'myTasks',
  request: READS.myTasks,
  run: (context) => myTasks(context),
  views: renders({ tasks: renderTasks }),
  shown: { tasks: SHOWN_TASKS },
  status: { ru: 'Смотрю задачи…', en: 'Checking your tasks…' },
  code: 't',
  tool: 'Открытые задачи директора',
  exportList: 'tasks',
});

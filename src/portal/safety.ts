// Which calls only look and which change something. An explicit allowlist of reads: anything not on it
// is a write, so a new or misspelt method can never slip through as harmless.
import { commandOfQuery } from './batch.ts';
import type { Params } from './port.ts';

export type Safety = 'read' | 'write' | 'destroy';

/** Read methods by name (lower case; the portal matches method names case-insensitively). */
export const READ_METHODS: ReadonlySet<string> = new Set([
  'user.current',
  'user.get',
  'user.search',
  'user.fields',
  'department.get',
  'department.fields',
  'im.department.get',
  'im.department.employees.get',
  'im.department.managers.get',
  'im.department.colleagues.list',
  'timeman.status',
  'timeman.settings',
  'calendar.event.get',
  'calendar.event.get.nearest',
  'calendar.event.getbyid',
  'calendar.accessibility.get',
  'calendar.section.get',
  'calendar.meeting.status.get',
  'tasks.task.list',
  'tasks.task.get',
  'tasks.task.getfields',
  'task.checklistitem.getlist',
  'task.commentitem.getlist',
  'crm.deal.list',
  'crm.deal.get',
  'crm.deal.fields',
  'crm.lead.list',
  'crm.lead.get',
  'crm.lead.fields',
  'crm.contact.list',
  'crm.contact.get',
  'crm.contact.fields',
  'crm.company.list',
  'crm.company.get',
  'crm.company.fields',
  'crm.activity.list',
  'crm.activity.get',
  'crm.activity.fields',
  'crm.status.list',
  'crm.status.get',
  'crm.status.fields',
  'crm.category.list',
  'crm.category.get',
  'crm.category.fields',
  'crm.item.list',
  'crm.item.get',
  'crm.item.fields',
  'crm.stagehistory.list',
  'crm.timeline.comment.list',
  'crm.timeline.comment.get',
  'crm.currency.list',
  'crm.duplicate.findbycomm',
  'crm.deal.userfield.list',
  'crm.lead.userfield.list',
  'crm.contact.userfield.list',
  'crm.company.userfield.list',
  'crm.deal.productrows.get',
  'crm.lead.productrows.get',
  'crm.deal.contact.items.get',
  'crm.contact.company.items.get',
  'crm.company.contact.items.get',
  'crm.product.list',
  'crm.product.get',
  'crm.productrow.list',
  'crm.requisite.list',
  'crm.address.list',
  'crm.type.list',
  'crm.status.entity.items',
  'crm.status.entity.types',
  'tasks.task.history.list',
  'task.elapseditem.getlist',
  'calendar.resource.list',
  'scope',
  'server.time',
  'methods',
  'method.get',
  'profile',
  'app.info',
]);

const destructiveWords = /delete|remove|unbind|unregister/;

// The portal takes the method from the path up to `?` or `#` and ignores case and surrounding spaces; a name
// with anything else in it (`crm.deal.update#.list`) could be read one way by us and another by the portal.
const plainName = /^[a-z0-9_.]+$/i;

/** A method name the portal and we read the same way: only letters, digits, `_` and `.`. */
export const isPlainMethodName = (method: string): boolean => plainName.test(method.trim());

const normalise = (method: string) =>
  method
    .trim()
    .toLowerCase()
    .replace(/\.(json|xml)$/, '');

/** Only what the list names: a method merely ending in `.list` (`im.notify.read.list`) may still change data. */
export function isReadMethod(method: string): boolean {
  return isPlainMethodName(method) && READ_METHODS.has(normalise(method));
}

const rank: Record<Safety, number> = { read: 0, write: 1, destroy: 2 };

/** The least safe of several: a batch, or a batch sent as several requests, is as unsafe as its worst part. */
export function worstSafety(safeties: readonly Safety[]): Safety {
  return safeties.reduce<Safety>((worst, safety) => (rank[safety] > rank[worst] ? safety : worst), 'read');
}

/** How unsafe a call is; a batch is as unsafe as its worst command. */
export function safetyOf(method: string, params: Params = {}): Safety {
  const name = normalise(method);
  if (name === 'batch' && isPlainMethodName(method)) return batchSafety(params.cmd);
  if (isReadMethod(name)) return 'read';
  return destructiveWords.test(name.slice(name.lastIndexOf('.') + 1)) ? 'destroy' : 'write';
}

function batchSafety(cmd: unknown): Safety {
  // A batch we cannot read is treated as a write: never guess "harmless".
  if (typeof cmd !== 'object' || cmd === null) return 'write';
  const commands = Object.values(cmd);
  if (!commands.every((command) => typeof command === 'string')) return 'write';
  return worstSafety(
    commands.map((text) => {
      // A command is known by its method; only a batch inside the batch has parameters worth reading back.
      const question = text.indexOf('?');
      const method = question < 0 ? text : text.slice(0, question);
      if (normalise(method) !== 'batch') return safetyOf(method);
      const command = commandOfQuery(text);
      return safetyOf(command.method, command.params);
    }),
  );
}

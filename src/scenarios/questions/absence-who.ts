// Whose absence is asked about: a department by its name («в отделе продаж», with the departments under it), or
// an employee by name in any form or short name («Егоров», «Васильевой», «Кати»). Nobody so named is said plainly.
import type { ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { matchesName } from '../matcher.ts';
import type { PortalUser } from '../portal-data.ts';
import { withSubdepartments } from '../reports/team-status.ts';

export type Whose = { staff: PortalUser[]; scope: string } | { view: ViewModel };

/** The staff the name covers, and how the header names them; or the view that says nobody is so named. */
export async function staffNamed(context: ScenarioContext, who: string, staff: PortalUser[]): Promise<Whose> {
  const { names, at } = context;
  const departments = await names.departments();
  const department = departments.find((one) => matchesName(one.name, who));
  if (department) {
    const scope = withSubdepartments([department.id], departments);
    const inside = staff.filter((one) => (one.UF_DEPARTMENT ?? []).some((id) => scope.has(id)));
    return { staff: inside, scope: department.name };
  }
  const people = await names.findUsers(who);
  const ids = new Set(people.map((person) => person.id));
  const named = staff.filter((one) => ids.has(one.ID));
  if (named.length === 0)
    return {
      view: { view: 'queryNotFound', at, query: { subject: 'tasks', person: who }, about: 'person', name: who },
    };
  return { staff: named, scope: people.map((person) => person.name).join(', ') };
}

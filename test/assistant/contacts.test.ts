// Contacts (issue 13): the people to reach at a client, with position, phone and e-mail; a company card lists
// its people; a person's card names the company. Expected values come from the demo portal's own data.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';
import { harnessForFile } from './harness.ts';

const h = await harnessForFile();

let nextUser = 3000;
const ask = async (text: string) => {
  nextUser += 1;
  const replies = h.record(await h.assistant().handleText({ telegramUserId: nextUser, chatId: nextUser }, text));
  return replies.map((reply: Reply) => plainTextOf(reply.html)).join('\n');
};

const companyTitled = (name: string) => {
  const company = h.portal.data.companies.find((one) => String(one.TITLE).includes(name));
  if (!company) throw new Error(`no company ${name}`);
  return company;
};
const peopleOf = (companyId: unknown) =>
  h.portal.data.contacts.filter((contact) => String(contact.COMPANY_ID) === String(companyId));
const contactNamed = (lastName: string) => {
  const contact = h.portal.data.contacts.find((one) => one.LAST_NAME === lastName);
  if (!contact) throw new Error(`no contact ${lastName}`);
  return contact;
};
const firstValue = (field: unknown) => String((field as { VALUE: string }[])[0]?.VALUE);

describe('contacts', () => {
  it('«контакты Ромашки» and «кто у нас в Ромашке» list the company’s people with position, phone and e-mail', async () => {
    const romashka = companyTitled('Ромашка');
    const people = peopleOf(romashka.ID);
    expect(people.length).toBeGreaterThan(1);
    for (const phrase of ['контакты Ромашки', 'кто у нас в Ромашке', 'покажи контакты компании «Ромашка»']) {
      const text = await ask(phrase);
      expect(text).toContain(`Контакты ${romashka.TITLE}`);
      for (const person of people) {
        expect(text).toContain(`${person.NAME} ${person.LAST_NAME}`);
        expect(text).toContain(String(person.POST));
        expect(text).toContain(firstValue(person.PHONE));
        expect(text).toContain(firstValue(person.EMAIL));
      }
    }
  });

  it('«телефон Ромашкина» and «почта Северовой» find the person, with the company they work for', async () => {
    for (const [phrase, lastName] of [
      ['телефон Ромашкина', 'Ромашкин'],
      ['почта Северовой', 'Северова'],
      ['какой телефон у Северовой?', 'Северова'],
    ] as const) {
      const person = contactNamed(lastName);
      const text = await ask(phrase);
      expect(text).toContain(`${person.NAME} ${person.LAST_NAME}`);
      expect(text).toContain(firstValue(person.PHONE));
      expect(text).toContain(firstValue(person.EMAIL));
      expect(text).toContain(String(companyTitled(person.COMPANY_ID === '1' ? 'Ромашка' : 'Техносфера').TITLE));
    }
  });

  it('a company card lists its people; a person’s card names the company', async () => {
    const romashka = companyTitled('Ромашка');
    const card = await ask('досье Ромашка');
    expect(card).toMatch(/Контакты \(\d+\)/);
    for (const person of peopleOf(romashka.ID)) expect(card).toContain(`${person.NAME} ${person.LAST_NAME}`);
    const person = await ask('досье Северова');
    expect(person).toContain('Главный бухгалтер');
    expect(person).toContain(String(companyTitled('Техносфера').TITLE));
  });

  it('«проверь почту» is still the mailbox the assistant cannot read', async () => {
    expect(await ask('проверь почту')).toMatch(/почту я не могу/);
  });
});

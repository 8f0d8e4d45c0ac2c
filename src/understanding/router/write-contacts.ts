// Contacts and companies said in plain words, with a phone and an e-mail when given.

import { letters } from '../../letters.ts';
import type { WriteDraft } from '../../vocabulary/drafts.ts';
import { capitalise, type Message, nominative, rawSlice, restOf, unquote, without } from './text.ts';

const phoneRe = /\+?\d[\d\s()-]{5,}\d/u;
const emailRe = letters(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u);

function contactDetails(message: Message): { phone?: string; email?: string; rest: Message } {
  const spans: { start: number; end: number }[] = [];
  const email = message.raw.match(emailRe);
  if (email?.index !== undefined) spans.push({ start: email.index, end: email.index + email[0].length });
  const withoutEmail = email ? message.raw.replace(email[0], ' '.repeat(email[0].length)) : message.raw;
  const phone = withoutEmail.match(phoneRe);
  if (phone?.index !== undefined) spans.push({ start: phone.index, end: phone.index + phone[0].length });
  const rest = without(message, spans);
  return {
    ...(phone ? { phone: phone[0].trim() } : {}),
    ...(email ? { email: email[0] } : {}),
    rest: {
      raw: rest.raw.replace(/(?:,|телефон|тел\.?|phone|e-?mail|почта|email)\s*:?/giu, ' '),
      light: rest.light.replace(/(?:,|телефон|тел\.?|phone|e-?mail|почта|email)\s*:?/giu, ' '),
    },
  };
}

// «из Гранита», «из компании Гранит», «от Ромашки»: where the contact works, not part of the name.
const companyRe = /(?:^|\s)(?:из|от|в|at|from)\s+(?:(?:компании|фирмы|организации|the\s+company)\s+)?(\S.*)$/iu;

export function createContact(message: Message, start: number): WriteDraft | undefined {
  const details = contactDetails(restOf(message, start));
  const said = rawSlice(details.rest, 0);
  const company = companyRe.exec(said);
  const words = (company ? said.slice(0, company.index) : said).split(/\s+/).filter(Boolean);
  // "Смирнова Анна": a surname first, as Russian lists write people, goes last.
  const surname = /(?:ов|ова|ев|ева|ин|ина|ский|ская|цкий|цкая)$/iu;
  if (words.length === 2 && surname.test(words[0]!) && !surname.test(words[1]!)) words.reverse();
  const [name, ...others] = words;
  if (!name) return undefined;
  return {
    type: 'createContact',
    name: capitalise(name),
    ...(others.length ? { lastName: others.map(capitalise).join(' ') } : {}),
    ...(details.phone ? { phone: details.phone } : {}),
    ...(details.email ? { email: details.email } : {}),
    ...(company ? { companyName: nominative(unquote(company[1]!.trim())) } : {}),
  };
}

export function createCompany(message: Message, start: number): WriteDraft | undefined {
  const details = contactDetails(restOf(message, start));
  const title = unquote(rawSlice(details.rest, 0).replace(/\s{2,}/g, ' '));
  if (!title) return undefined;
  return {
    type: 'createCompany',
    title: capitalise(title),
    ...(details.phone ? { phone: details.phone } : {}),
    ...(details.email ? { email: details.email } : {}),
  };
}

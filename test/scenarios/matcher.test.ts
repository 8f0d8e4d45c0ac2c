import { describe, expect, it } from 'vitest';
import { matchesName, needlesOf, normalizeName, sameName, stemOf, toCyrillic } from '../../src/scenarios/matcher.ts';

describe('the record matcher', () => {
  it('finds a person by the surname in every grammatical case', () => {
    for (const form of ['Орлова', 'Орловой', 'Орлову', 'Орловою', 'у Орловой', 'Марии Орловой', 'Марию Орлову'])
      expect(matchesName('Мария Орлова', form.replace(/^у /u, '')), form).toBe(true);
    for (const form of ['Попов', 'Попова', 'Попову', 'Поповым', 'Попове'])
      expect(matchesName('Андрей Попов', form), form).toBe(true);
    for (const form of ['Пётр', 'Петра', 'Петру', 'Петром', 'Петре', 'Петр'])
      expect(matchesName('Пётр Волков', form), form).toBe(true);
    expect(matchesName('Сергей Кузнецов', 'Сергея Кузнецова')).toBe(true);
  });

  it('tells a first name from a surname that starts with it', () => {
    expect(matchesName('Пётр Иванов', 'Ивана')).toBe(false);
    expect(matchesName('Иван Петров', 'Иванова')).toBe(false);
    expect(matchesName('Иван Петров', 'Ивана')).toBe(true);
  });

  it('finds a company in any case, without its legal form and quotes', () => {
    for (const form of ['Ромашка', 'Ромашки', 'Ромашке', 'Ромашку', 'Ромашкой', 'ромашкою', '«Ромашка»', 'ООО Ромашка'])
      expect(matchesName('ООО «Ромашка»', form), form).toBe(true);
    expect(sameName('ООО «Ромашка»', 'ромашке')).toBe(true);
    // The stemmer cuts «Гранит» like a verb («гран»), but not «Гранита»: both are the same company.
    for (const form of ['Гранит', 'Гранита', 'Граниту', 'Гранитом'])
      expect(matchesName('ООО «Гранит»', form) && matchesName(`для ${form}`, 'ООО «Гранит»'), form).toBe(true);
    expect(normalizeName('ПАО «Ёлка-Трейд»')).toBe('елка трейд');
  });

  it('reads Latin letters as Cyrillic', () => {
    expect(toCyrillic('romashka')).toBe('ромашка');
    expect(toCyrillic('sergey')).toBe('сергей');
    expect(matchesName('ООО «Ромашка»', 'Romashka')).toBe(true);
    expect(matchesName('Альфа-Строй', 'Alfa Stroy')).toBe(true);
    expect(matchesName('Мария Орлова', 'Orlova')).toBe(true);
  });

  it('lets a word be the start of a name only when asked to', () => {
    expect(matchesName('Ромашка', 'Ром', { prefix: true })).toBe(true);
    expect(matchesName('Ромашка', 'Ром')).toBe(false);
  });

  it('has one stem for the forms write lookup and search used to cut differently', () => {
    expect(stemOf('кузнецовым')).toBe(stemOf('кузнецов'));
    expect(needlesOf('Кузнецовым')).toEqual(needlesOf('Кузнецов'));
    // The portal's "contains" filter is given a part without е/ё, which it tells apart.
    expect(needlesOf('отчёт')[0]).not.toMatch(/[её]/u);
  });
});

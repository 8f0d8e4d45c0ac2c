import { describe, expect, it } from 'vitest';
import { decodeParams, encodeParams } from '../../src/portal/encode.ts';
import { parsePhpQuery } from './stub-portal.ts';

describe('encoding parameters the way the portal reads them', () => {
  it('nests filters with operators, select lists and order', () => {
    const query = encodeParams({
      filter: { '>=DATE_CREATE': '2026-11-01T00:00:00+03:00', STAGE_SEMANTIC_ID: 'P' },
      select: ['ID', 'TITLE'],
      order: { ID: 'ASC' },
      start: 0,
    });
    expect(query).toBe(
      'filter[%3E%3DDATE_CREATE]=2026-11-01T00%3A00%3A00%2B03%3A00&filter[STAGE_SEMANTIC_ID]=P' +
        '&select[]=ID&select[]=TITLE&order[ID]=ASC&start=0',
    );
  });

  it('keeps Cyrillic, &, =, % and + intact through a PHP-style parse', () => {
    const fields = { TITLE: 'Счёт №5 для «Ромашки» & Co = 100% + НДС', COMMENTS: 'a+b c' };
    const query = encodeParams({ fields });
    expect(parsePhpQuery(query)).toEqual({ fields });
    expect(decodeParams(query)).toEqual({ fields });
  });

  it('indexes lists of objects so each keeps its own fields, and skips what is not set', () => {
    const params = {
      fields: { PHONE: [{ VALUE: '+7 900 000-00-00', VALUE_TYPE: 'WORK' }] },
      note: undefined,
      gone: null,
    };
    expect(encodeParams(params)).toBe(
      'fields[PHONE][0][VALUE]=%2B7%20900%20000-00-00&fields[PHONE][0][VALUE_TYPE]=WORK',
    );
    expect(encodeParams({ active: true, closed: false })).toBe('active=1&closed=0');
  });

  it('leaves batch references for the portal to fill in', () => {
    expect(encodeParams({ id: '$result[deal][CONTACT_ID]', filter: { '>ID': '$result[p0][49][ID]' } })).toBe(
      'id=$result[deal][CONTACT_ID]&filter[%3EID]=$result[p0][49][ID]',
    );
  });

  it('reads key=value operator arguments back into nested parameters', () => {
    expect(decodeParams('filter[>=DATE_CREATE]=2026-11-01&select[]=ID&select[]=TITLE&order[ID]=DESC')).toEqual({
      filter: { '>=DATE_CREATE': '2026-11-01' },
      select: ['ID', 'TITLE'],
      order: { ID: 'DESC' },
    });
  });
});

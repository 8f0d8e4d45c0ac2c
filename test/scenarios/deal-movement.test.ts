import { describe, expect, it } from 'vitest';
import { dealMoves } from '../../src/scenarios/deals/deal-movement.ts';
import type { Stage } from '../../src/scenarios/names.ts';
import type { EarlierStage, PortalDeal, PortalStageHistory } from '../../src/scenarios/portal-data.ts';

const stage = (id: string, name: string, semantics: Stage['semantics'] = 'process'): Stage => ({
  id,
  name,
  sort: 10,
  semantics,
  categoryId: 0,
});
const STAGES = [
  stage('NEW', 'Новая'),
  stage('OFFER', 'Предложение'),
  stage('TALKS', 'Переговоры'),
  stage('WON', 'Успех', 'success'),
];
const deal = (ID: number, TITLE: string) => ({ ID, TITLE }) as PortalDeal;
const DEALS = new Map([
  [1, deal(1, 'Поставка')],
  [2, deal(2, 'Монтаж')],
  [3, deal(3, 'Аудит')],
]);
const moved = (ID: number, OWNER_ID: number, STAGE_ID: string, at: string, TYPE_ID = 2): PortalStageHistory => ({
  ID,
  TYPE_ID,
  OWNER_ID,
  STAGE_ID,
  CREATED_TIME: `2026-11-25T${at}:00+03:00`,
});

describe('where a deal moved today came from', () => {
  it('is its latest stage before the day, in whatever order the portal lists the history, then each move of the day', () => {
    const earlier: EarlierStage[] = [
      { ID: 7, OWNER_ID: 1, STAGE_ID: 'OFFER' },
      { ID: 9, OWNER_ID: 2, STAGE_ID: 'TALKS' },
      { ID: 3, OWNER_ID: 1, STAGE_ID: 'NEW' },
      { ID: 8, OWNER_ID: 2, STAGE_ID: 'OFFER' },
    ];
    const today = [
      moved(12, 1, 'WON', '15:00'),
      moved(10, 1, 'TALKS', '10:00'),
      moved(11, 2, 'WON', '11:00'),
      moved(13, 3, 'NEW', '12:00', 1),
    ];
    const moves = dealMoves(today, earlier, DEALS, STAGES, 'Europe/Moscow');
    expect(moves.map(({ dealTitle, fromStage, toStage, outcome }) => [dealTitle, fromStage, toStage, outcome])).toEqual(
      [
        ['Поставка', 'Предложение', 'Переговоры', 'process'],
        ['Монтаж', 'Переговоры', 'Успех', 'success'],
        ['Поставка', 'Переговоры', 'Успех', 'success'],
      ],
    );
  });

  it('names no stage it came from when the history before the day holds none of that deal', () => {
    const [move] = dealMoves([moved(5, 3, 'OFFER', '09:30')], [], DEALS, STAGES, 'Europe/Moscow');
    expect(move).toMatchObject({ dealTitle: 'Аудит', toStage: 'Предложение' });
    expect(move?.fromStage).toBeUndefined();
  });
});

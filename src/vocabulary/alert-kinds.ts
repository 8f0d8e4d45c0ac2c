// What a director can hear about as it happens, and a change to it said in words. Alerts tell them, understanding
// reads the changes, buttons carry a kind by its place in the list.

// New kinds go last: a button names a kind by its place in this list.
export const ALERT_KINDS = [
  'dealWon',
  'dealLost',
  'leadUntouched',
  'taskDone',
  'taskOverdue',
  'meetingAdded',
  'dealSlipped',
  'closeDateMoved',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A change said in words: a kind on or off, all of them, or the sum deals are told from. */
export interface AlertChange {
  /** The kinds switched; none: all alerts at once. */
  kinds?: AlertKind[];
  on?: boolean;
  /** «сообщай о сделках больше миллиона». */
  dealsFrom?: number;
  /**
   * «тихие часы с 22 до 8» (local `HH:mm`; from = to: none), or «не пиши ночью»: the night, unless quiet hours
   * are set already.
   */
  quiet?: { from: string; to: string } | 'night';
  /** «по выходным не присылай» (true), «пиши и в выходные» (false). */
  quietWeekends?: boolean;
}

// A tap on a button: the action its data stands for, answered by the part that owns it.
import type { AlertSettingsPort } from '../alerts/settings-port.ts';
import type { DigestSettingsPort } from '../digests/settings.ts';
import type { DirectorRecord } from '../storage/directors.ts';
import type { Conversations } from '../understanding/conversation.ts';
import { DIGESTS_UNAVAILABLE, STALE_BUTTON } from '../views/messages.ts';
import type { ButtonOutcome, Reply } from '../views/reply.ts';
import type { Action } from '../vocabulary/actions.ts';
import type { Proposals } from './proposal-flow.ts';
import { nextPart, type Reads } from './read-flow.ts';

export interface TapDeps {
  reads: Reads;
  proposals: Proposals;
  conversations: Conversations;
  digests?: DigestSettingsPort;
  alerts?: AlertSettingsPort;
}

export function createTaps(deps: TapDeps): (record: DirectorRecord, action: Action) => Promise<ButtonOutcome> {
  const { reads, proposals } = deps;

  const digest = async (record: DirectorRecord, change: (digests: DigestSettingsPort) => Promise<Reply>) =>
    deps.digests
      ? { edit: await change(deps.digests), replies: [] }
      : { replies: [], notice: DIGESTS_UNAVAILABLE[record.language] };

  /** The view replaces the message tapped on, when it fits in one text message; else it comes as new ones. */
  const inPlace = (replies: Reply[]): ButtonOutcome => {
    const [only] = replies;
    return only && replies.length === 1 && !only.attachment ? { edit: only, replies: [] } : { replies };
  };

  /** The next day or another pipeline edits the message tapped on; a card from a list comes as a new one. */
  const show = async (record: DirectorRecord, action: Extract<Action, { kind: 'show' }>): Promise<ButtonOutcome> => {
    const replies = await reads.view(record, action.request);
    await deps.conversations.remember(record.telegramUserId, { previous: { kind: 'view', request: action.request } });
    return action.inPlace ? inPlace(replies) : { replies };
  };

  /** «Ещё» turns the list tapped on into its next part; with no list to go on, the message stays as it is. */
  const more = async (record: DirectorRecord): Promise<ButtonOutcome> => {
    const part = nextPart((await deps.conversations.read(record.telegramUserId)).list);
    if (!('scenario' in part)) return { replies: [], notice: part[record.language] };
    return inPlace(await reads.continued(record));
  };

  return async (record, action) => {
    const tg = record.telegramUserId;
    switch (action.kind) {
      case 'confirm':
        return proposals.confirm(record, action.proposalId);
      case 'cancel':
        return proposals.cancel(record, action.proposalId);
      case 'pick':
        return proposals.pick(record, action.listId, action.index);
      case 'propose':
        return { replies: await proposals.proposeAgain(record, action.write) };
      case 'chooseStage':
        return { replies: await proposals.stageChoices(record, action.dealId) };
      case 'show':
        return show(record, action);
      case 'chart':
        return { replies: await reads.chart(record, action.request) };
      case 'export':
        return { replies: await reads.spreadsheet(record, action.list) };
      case 'answerFile':
        return { replies: await reads.answerFile(record, action.file, action.key) };
      case 'digestToggle':
        return digest(record, (digests) => digests.toggle(tg, action.digest));
      case 'digestTime':
        return digest(record, (digests) => digests.setTime(tg, action.digest, action.time));
      case 'digestSettings':
        return digest(record, (digests) => digests.settingsReply(tg, record.language));
      case 'queryMore':
        return more(record);
      case 'queryPick':
        return { replies: await reads.continued(record, action.option) };
      case 'alertSwitch':
        // Under an alert the message stays and a short notice answers; the settings message shows the change.
        return deps.alerts
          ? deps.alerts.tap(tg, record.language, action)
          : { replies: [], notice: STALE_BUTTON[record.language] };
      case 'connect':
        // The Telegram side answers this button before the assistant; here it is only a stale one.
        return { replies: [], notice: STALE_BUTTON[record.language] };
    }
  };
}

// Promise 4: any failure becomes one plain sentence; a missing right names what to allow.
import type { Logger } from '../log.ts';
import { isPortalError, isPortalUnreachable } from '../portal/errors.ts';
import { scopeOfMethod } from '../portal/scopes.ts';
import { isConnectionEnded } from '../portal/tokens.ts';
import {
  accessToAllow,
  CONNECT_AGAIN,
  PORTAL_REFUSED,
  PORTAL_UNAVAILABLE,
  SOMETHING_WENT_WRONG,
} from '../views/messages.ts';
import type { Language } from '../vocabulary/director.ts';

export function failureSentence(error: unknown, language: Language, logger: Logger): string {
  if (!isPortalError(error)) {
    logger.error('assistant failed', { error });
    return SOMETHING_WENT_WRONG[language];
  }
  logger.warn('portal request failed', { kind: error.kind, code: error.code, error });
  if (isPortalUnreachable(error)) return PORTAL_UNAVAILABLE[language];
  if (isConnectionEnded(error)) return CONNECT_AGAIN[language];
  if (error.kind === 'authorization') return PORTAL_REFUSED[language];
  if (error.kind !== 'access') return SOMETHING_WENT_WRONG[language];
  // A missing permission family names itself; a refused right is named by the family of what was asked.
  const family = error.details.scope ?? scopeOfMethod(error.details.method ?? '');
  return accessToAllow(family, error.details.scope ? 'connection' : 'account', language);
}

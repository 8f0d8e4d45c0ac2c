// Whose plans: one company per portal, named by the portal's address (never by its secret).
import type { PortalClient } from '../../portal/port.ts';

export const companyOf = (portal: PortalClient): string => portal.origin ?? String(portal);

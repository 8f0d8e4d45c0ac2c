// The page's first question, written into the page itself: it goes out while the browser is still fetching the
// page's script and style, so the answer is often there by the time the script starts (one round trip fewer).
import { FIRST_FILTERS, type FirstWindow, post } from './first-ask.ts';

(window as FirstWindow).dashboardFirst = post('/dashboard/data', { filters: FIRST_FILTERS }, 'Нет связи.');

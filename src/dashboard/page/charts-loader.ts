// The charts' script, asked for only once the numbers are on screen: ECharts takes a while to start, and the
// sections never wait for it.
import type { Charts } from './charts.ts';

let loading: Promise<Charts> | undefined;

export function charts(): Promise<Charts> {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/dashboard/charts.js';
    script.async = true;
    script.onload = () => resolve((window as unknown as { dashboardCharts: Charts }).dashboardCharts);
    script.onerror = () => reject(new Error('the charts did not load'));
    document.head.append(script);
  });
  return loading;
}

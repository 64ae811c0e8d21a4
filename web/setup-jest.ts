// In the app the core catalogue loads with the shell, login or brief page; unit tests render
// pages on their own, so it is registered here once.
import './src/app/core/i18n/messages';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();

// ngx-echarts observes its host size; jsdom has no ResizeObserver.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../renderer/src/i18n';
import { createAppStore } from '../../renderer/src/store/create-store';
import { AppProvider } from '../../renderer/src/app-context';
import { App } from '../../renderer/src/app/App';
import type { CommandContext } from '../../renderer/src/commands/types';
import type { Language } from '../../renderer/src/store/types';
import { pageFromPlainText } from '@shared/import/plain-text';
import { createIssue } from '@shared/model/create';
import type { Issue } from '@shared/model/types';
import { createFakeHost, type FakeHost } from '../support/fake-host';

import SAMPLE_PAGE_TEXT from '../fixtures/pages/zhejiang-daily-2023-02-27-p2.txt?raw';
import { appCommands } from '../../renderer/src/app/commands';

/** The sample page of the fixtures, as text (bundled by Vite: jsdom has no file URL for import.meta). */
export const SAMPLE_TEXT: string = SAMPLE_PAGE_TEXT;

export function sampleIssue(): Issue {
  return createIssue([pageFromPlainText(SAMPLE_TEXT, { pageId: 'p1', label: '2', encoding: 'utf-8' })], {
    id: 'zj',
    title: '浙江日报 第2版',
  });
}

export function tinyIssue(
  text = '# 标题\n\n生产任务已排到下半年,六\n\n另一篇文章。\n\n成以上的一线工人连春节也在加班。\n\n责任编辑 某某',
): Issue {
  return createIssue([pageFromPlainText(text, { pageId: 'p1', label: '1', encoding: 'utf-8' })], {
    id: 'tiny',
    title: '小样',
  });
}

/** A command context over a fresh store, i18n instance and fake host (no React). */
export function makeCtx(
  language: Language = 'en',
  host: FakeHost = createFakeHost(),
  now?: () => number,
): CommandContext & { host: FakeHost } {
  const i18n = createI18n(language);
  const store = createAppStore({ t: i18n.t.bind(i18n), language, now });
  return { store, commands: appCommands, host, t: i18n.t.bind(i18n), i18n, editor: { current: null } };
}

/** The whole app rendered in jsdom around a context. */
export function renderApp(ctx: CommandContext) {
  return render(
    <I18nextProvider i18n={ctx.i18n}>
      <AppProvider value={ctx}>
        <App />
      </AppProvider>
    </I18nextProvider>,
  );
}

/** jsdom has no layout: give scroll containers a size so the virtualized lists render their rows. */
export function giveElementsASize(): void {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 400 });
}

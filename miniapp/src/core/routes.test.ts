import { HOME_ENTRIES } from '@sqtb/shared';
import { ROUTES } from './routes';

/** app.config.ts calls Taro's global `defineAppConfig` (set before the config is required); here it hands the config back. */
(globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config;
const appConfig = require('../app.config').default as { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> };

const declared = new Set([...appConfig.pages, ...appConfig.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))].map((page) => `/${page}`));
const pathOf = (url: string) => url.split('?')[0];

describe('page paths', () => {
  it('every route the app navigates to is a page app.config declares', () => {
    expect(Object.values(ROUTES).filter((url) => !declared.has(pathOf(url)))).toEqual([]);
  });

  it('every home entry opens a page app.config declares', () => {
    const paths = Object.values(HOME_ENTRIES).flatMap((entries) => entries.flatMap((entry) => (entry.path ? [pathOf(entry.path)] : [])));
    expect([...new Set(paths)].filter((path) => !declared.has(path))).toEqual([]);
  });

  it('main-package pages sit outside every subpackage root, and no root nests in another', () => {
    const roots = appConfig.subPackages.map((sub) => `${sub.root}/`);
    expect(appConfig.pages.filter((page) => roots.some((root) => page.startsWith(root)))).toEqual([]);
    expect(roots.filter((root) => roots.some((other) => other !== root && root.startsWith(other)))).toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { resetTaro, taro } from '../test-support/taro-mock';
import { showDone, SUCCESS_TOAST_MAX } from './feedback';

jest.mock('@tarojs/taro', () => require('../test-support/taro-mock').taroModule);

const SRC = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'test-support' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every `showToast({ … })` call in the app's source, with its file. */
function toastCalls(): Array<{ file: string; call: string }> {
  return sourceFiles(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/showToast\(\{[^}]*\}\)/g)].map((m) => ({ file: path.relative(SRC, file), call: m[0] }));
  });
}

beforeEach(resetTaro);

describe('words that say something worked', () => {
  it('a success toast holds at most 7 characters: the app source shows none longer, and none worded at run time outside showDone', () => {
    const success = toastCalls().filter(({ call }) => /icon:\s*'success'/.test(call));
    expect(success.length).toBeGreaterThan(0);
    const offending = success.filter(({ file, call }) => {
      if (file === path.join('core', 'feedback.ts')) return false; // the helper measures its words
      const title = /title:\s*'([^']*)'/.exec(call)?.[1];
      return title === undefined || Array.from(title).length > SUCCESS_TOAST_MAX;
    });
    expect(offending).toEqual([]);
  });

  it('shows short words as a success toast', async () => {
    await showDone('已提交');
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已提交', icon: 'success' });
    expect(taro.showModal).not.toHaveBeenCalled();
  });

  it('puts longer words in a modal, and waits for it to be closed', async () => {
    await showDone('已提交，等待审核');
    expect(taro.showToast).not.toHaveBeenCalled();
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '已提交，等待审核', showCancel: false }));

    await showDone('已追加 120 人');
    expect(taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '已追加 120 人' }));
  });
});

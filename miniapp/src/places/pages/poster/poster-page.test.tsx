import { saveSession } from '../../../core/session';
import { loginReply, resident } from '../../../test-support/fixtures';
import { drawnModules, expectedModules } from '../../../test-support/qr-grid';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import { myPlace, PLACE_TOKEN } from '../../test-support/place-fixtures';
import PlacePosterPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => ({
  ...require('../../../test-support/components-mock'),
  // The weapp poster is drawn on a hidden 2D canvas.
  Canvas: ({ id }: { id: string }) => require('react').createElement('canvas', { id }),
}));
jest.mock('../../places.css', () => ({}));

const enterprise = { ...resident, id: 'u-enterprise-1', role: 'enterprise' as const, displayName: '长风大厦物业' };

/** A weapp canvas node and its 2D context, recording what is drawn. */
const drawn: { texts: string[]; rects: number } = { texts: [], rects: 0 };
const canvasNode = {
  width: 0,
  height: 0,
  getContext: () => ({
    fillStyle: '',
    font: '',
    textAlign: '',
    textBaseline: '',
    fillRect: () => void (drawn.rects += 1),
    fillText: (text: string) => void drawn.texts.push(text),
  }),
};
const weapp = Object.assign(taro, {
  createSelectorQuery: jest.fn(() => ({ select: () => ({ fields: () => ({ exec: (done: (found: unknown[]) => void) => done([{ node: canvasNode }]) }) }) })),
  canvasToTempFilePath: jest.fn((_: { canvas: unknown; fileType?: string }) => Promise.resolve({ tempFilePath: 'wxfile://tmp/poster.png', errMsg: 'canvasToTempFilePath:ok' })),
  saveImageToPhotosAlbum: jest.fn((_: { filePath: string }) => Promise.resolve({ errMsg: 'saveImageToPhotosAlbum:ok' })),
});

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  saveSession(loginReply(enterprise));
  platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'h5';
  drawn.texts = [];
  drawn.rects = 0;
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

describe('my place code', () => {
  it('says the code comes with an approved filing while the enterprise has none (404)', async () => {
    serveApi({ 'GET /api/places/mine': reply(404, { error: { code: 'NOT_FOUND', message: 'no place' } }) });
    const { container } = render(<PlacePosterPage />);

    expect(await screen.findByText('复工备案获批后可领取场所码')).toBeTruthy();
    expect(container.querySelector('.poster')).toBeNull();
  });

  it('shows the poster: the place, the QR of its token and the instruction; 显示码值 gives the text to paste', async () => {
    serveApi({ 'GET /api/places/mine': reply(200, myPlace) });
    const { container } = render(<PlacePosterPage />);

    expect(await screen.findByText('长风大厦')).toBeTruthy();
    expect(screen.getByText('进入前请用社区通办扫码登记')).toBeTruthy();
    expect(screen.getByText('场所码 · 企业')).toBeTruthy();
    expect(drawnModules(container)).toEqual(expectedModules(PLACE_TOKEN));

    fireEvent.click(screen.getByText('显示码值'));
    expect(screen.getByText(PLACE_TOKEN)).toBeTruthy();
  });

  it('on H5, 打印 opens the print dialog, and while the page is open printing shows the poster alone', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    serveApi({ 'GET /api/places/mine': reply(200, myPlace) });
    const { unmount } = render(<PlacePosterPage />);
    await screen.findByText('长风大厦');

    fireEvent.click(screen.getByRole('button', { name: '打印' }));

    expect(print).toHaveBeenCalledTimes(1);
    const style = document.head.querySelector('style[data-for="place-poster-print"]');
    expect(style?.textContent).toContain('@media print');
    expect(style?.textContent).toContain('.poster, .poster * { visibility: visible');
    expect(screen.queryByRole('button', { name: '保存到相册' })).toBeNull();
    unmount();
    expect(document.head.querySelector('style[data-for="place-poster-print"]')).toBeNull();
    print.mockRestore();
  });

  it('on weapp, 保存到相册 draws the poster on the canvas and saves the image', async () => {
    process.env.TARO_ENV = 'weapp';
    serveApi({ 'GET /api/places/mine': reply(200, myPlace) });
    render(<PlacePosterPage />);
    await screen.findByText('长风大厦');
    expect(screen.queryByRole('button', { name: '打印' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '保存到相册' }));

    expect(await screen.findByText('已保存到相册，可打印后张贴在门口')).toBeTruthy();
    expect(drawn.texts).toEqual(['场所码 · 企业', '长风大厦', '进入前请用社区通办扫码登记', '普陀区大渡河路 196 号']);
    expect(drawn.rects).toBeGreaterThan(50); // the background and the QR's dark runs
    expect(weapp.canvasToTempFilePath.mock.calls[0][0]).toMatchObject({ canvas: canvasNode, fileType: 'png' });
    expect(weapp.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });
  });

  it('on weapp, says how to allow the album when the permission is refused', async () => {
    process.env.TARO_ENV = 'weapp';
    weapp.saveImageToPhotosAlbum.mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
    serveApi({ 'GET /api/places/mine': reply(200, myPlace) });
    render(<PlacePosterPage />);
    await screen.findByText('长风大厦');

    fireEvent.click(screen.getByRole('button', { name: '保存到相册' }));

    await waitFor(() => expect(screen.getByText(/未获得相册权限/)).toBeTruthy());
  });
});

import Taro from '@tarojs/taro';
import type { MyPlace } from '@sqtb/shared';
import { withPrivacy } from '../core/privacy';
import { cancelled } from '../core/wx-call';
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterPen } from './poster-drawing';

/** The id of the page's hidden `<Canvas type="2d">` the poster is drawn on. */
export const POSTER_CANVAS_ID = 'place-poster-canvas';

interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): PosterPen;
}

/** The page's canvas node (a 2D canvas is reached through a selector query, not by id). */
function posterCanvas(): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${POSTER_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((found: Array<{ node?: CanvasNode } | null>) => {
        const node = found?.[0]?.node;
        if (node) resolve(node);
        else reject(new Error('poster canvas not found'));
      });
  });
}

/**
 * Draw the poster on the page's canvas, export it as a PNG and save it to the
 * photo album (after WeChat's privacy agreement). Resolves with what to tell the user.
 */
export async function savePosterToAlbum(place: MyPlace): Promise<string> {
  try {
    const canvas = await posterCanvas();
    canvas.width = POSTER_WIDTH;
    canvas.height = POSTER_HEIGHT;
    drawPoster(canvas.getContext('2d'), place);
    const { tempFilePath } = await Taro.canvasToTempFilePath({
      canvas: canvas as unknown as Taro.Canvas,
      fileType: 'png',
      x: 0,
      y: 0,
      width: POSTER_WIDTH,
      height: POSTER_HEIGHT,
      destWidth: POSTER_WIDTH,
      destHeight: POSTER_HEIGHT,
    });
    const saved = await withPrivacy(() => Taro.saveImageToPhotosAlbum({ filePath: tempFilePath }));
    return saved ? '已保存到相册，可打印后张贴在门口' : '未同意隐私保护指引，未保存';
  } catch (caught) {
    if (cancelled(caught)) return '已取消保存';
    if (/auth/i.test((caught as { errMsg?: string } | null)?.errMsg ?? '')) return '未获得相册权限：请在右上角「…」→「设置」中允许保存到相册';
    return '保存失败，请稍后重试';
  }
}

import Taro from '@tarojs/taro';
import { cancelled } from '../core/wx-call';

export const CAMERA_REFUSED = '无法打开相机扫码，请检查相机权限';

/**
 * The text of a QR code read with the camera (weapp), or null when the user
 * closed the scanner. Throws `CAMERA_REFUSED` as an Error when the camera would not open.
 */
export async function readQrWithCamera(): Promise<string | null> {
  try {
    return (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
  } catch (caught) {
    if (cancelled(caught)) return null;
    throw new Error(CAMERA_REFUSED);
  }
}

import { Text, View } from '@tarojs/components';
import { memo, useMemo } from 'react';
import { qrMatrix, type QrMatrix } from '../qr-matrix';

interface Props {
  /** The text the symbol carries (the signed token). */
  value: string;
  /** About how wide the symbol is drawn, in CSS px (cells are whole pixels, so it comes out a little smaller). */
  width?: number;
  /** Greyed out, e.g. once the token has expired. */
  dimmed?: boolean;
}

/** Light modules around the symbol, as the standard asks, so scanners find its edges. */
const QUIET_ZONE = 4;

function safeMatrix(value: string): QrMatrix | null {
  try {
    return qrMatrix(value);
  } catch {
    return null; // longer than a QR code holds
  }
}

/**
 * A QR code drawn with Views (dark runs of each row on a white square), so the
 * same markup works on weapp and H5 without a canvas. Cells are whole CSS
 * pixels: no blurred edges between modules. Memoised: the page around it
 * re-renders every second for its clock, the symbol only when the text changes.
 */
export const QrCode = memo(function QrCode({ value, width = 240, dimmed }: Props) {
  const matrix = useMemo(() => safeMatrix(value), [value]);
  if (!matrix) return <Text className="message--error">二维码内容过长，无法显示</Text>;
  const cell = Math.max(2, Math.floor(width / matrix.size));
  const side = cell * matrix.size;
  return (
    <View className={`qr${dimmed ? ' qr--dimmed' : ''}`} style={{ padding: cell * QUIET_ZONE, width: side, height: side }}>
      {matrix.rows.map((runs, row) => (
        <View key={row} className="qr__row" style={{ height: cell }}>
          {runs.map((run, i) => (
            <View key={i} className="qr__dark" style={{ marginLeft: run.gap * cell, width: run.length * cell, height: cell }} />
          ))}
        </View>
      ))}
    </View>
  );
});

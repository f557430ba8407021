import qrcode from 'qrcode-generator';

/** A stretch of dark modules in one row of the symbol: `gap` light ones before it, then `length` dark. */
export interface DarkRun {
  gap: number;
  length: number;
}

export interface QrMatrix {
  /** Modules per side. */
  size: number;
  /** Each row's dark runs, left to right. */
  rows: DarkRun[][];
}

/**
 * The QR symbol of `text` (byte mode, error correction M, the smallest version
 * that fits), as runs of dark modules per row: drawing a run as one box needs
 * about a fifth of the nodes one box per module would.
 */
export function qrMatrix(text: string): QrMatrix {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const rows: DarkRun[][] = [];
  for (let row = 0; row < size; row += 1) {
    const runs: DarkRun[] = [];
    let col = 0;
    let lastEnd = 0;
    while (col < size) {
      if (!qr.isDark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < size && qr.isDark(row, col)) col += 1;
      runs.push({ gap: start - lastEnd, length: col - start });
      lastEnd = col;
    }
    rows.push(runs);
  }
  return { size, rows };
}

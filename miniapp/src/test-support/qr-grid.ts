import qrcode from 'qrcode-generator';

/**
 * The module grid a drawn `QrCode` shows (true = dark), read back from the DOM:
 * each `.qr__row` holds its dark runs as boxes with a left margin (the light
 * modules before) and a width, in whole cells.
 */
export function drawnModules(root: ParentNode): boolean[][] {
  const qr = root.querySelector('.qr') as HTMLElement | null;
  if (!qr) throw new Error('no QR code drawn');
  const rows = Array.from(qr.querySelectorAll<HTMLElement>('.qr__row'));
  const cell = parseFloat(rows[0].style.height);
  const size = Math.round(parseFloat(qr.style.width) / cell);
  return rows.map((row) => {
    const line = new Array<boolean>(size).fill(false);
    let col = 0;
    for (const run of Array.from(row.querySelectorAll<HTMLElement>('.qr__dark'))) {
      col += Math.round(parseFloat(run.style.marginLeft || '0') / cell);
      const length = Math.round(parseFloat(run.style.width) / cell);
      for (let i = 0; i < length; i += 1) line[col + i] = true;
      col += length;
    }
    return line;
  });
}

/** The same grid straight from the generator, to compare with. */
export function expectedModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
}

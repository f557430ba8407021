import { drawnModules, expectedModules } from '../../test-support/qr-grid';
import { render, screen } from '../../test-support/rtl';
import { TOKEN } from '../../test-support/health-fixtures';
import { QrCode } from './qr-code';

jest.mock('@tarojs/components', () => require('../../test-support/components-mock'));

describe('the QR code component', () => {
  it('draws exactly the modules of the QR symbol of its text, in whole-pixel cells with a quiet zone', () => {
    const { container } = render(<QrCode value={TOKEN} width={240} />);

    const expected = expectedModules(TOKEN);
    expect(drawnModules(container)).toEqual(expected);
    const qr = container.querySelector('.qr') as HTMLElement;
    const cell = Math.floor(240 / expected.length);
    expect(qr.style.width).toBe(`${cell * expected.length}px`);
    expect(qr.style.padding).toBe(`${cell * 4}px`);
  });

  it('draws a different symbol for a different text', () => {
    const { container, rerender } = render(<QrCode value={TOKEN} />);
    const first = drawnModules(container);
    rerender(<QrCode value={`${TOKEN}x`} />);
    expect(drawnModules(container)).not.toEqual(first);
    expect(drawnModules(container)).toEqual(expectedModules(`${TOKEN}x`));
  });

  it('says so instead of crashing when the text is too long for a QR code', () => {
    render(<QrCode value={'x'.repeat(3000)} />);
    expect(screen.getByText('二维码内容过长，无法显示')).toBeTruthy();
  });
});

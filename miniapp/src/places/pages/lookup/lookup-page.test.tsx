import { saveSession } from '../../../core/session';
import { loginReply, resident } from '../../../test-support/fixtures';
import { fireEvent, render, screen } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import { invalidPlaceCode, PLACE_TOKEN } from '../../test-support/place-fixtures';
import PlaceLookupPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const lookups = () => taro.request.mock.calls.filter(([o]) => o.url === '/api/places/lookup');
const items = [
  { id: 'p-1', name: '长风大厦物业', kind: 'enterprise', resumed: true, since: '2026-03-02' },
  { id: 'p-2', name: '长风制衣厂', kind: 'enterprise', resumed: false },
  { id: 'p-3', name: '长风药房', kind: 'pharmacy', resumed: true, since: '2026-02-20' },
];

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  saveSession(loginReply(resident));
  platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'h5';
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

describe('the 企业复工 lookup', () => {
  it('searches by name and shows each place: kind, 已复工 since when, or 未复工, and nothing personal', async () => {
    serveApi({ 'GET /api/places/lookup': reply(200, { items }) });
    const { container } = render(<PlaceLookupPage />);

    fireEvent.input(screen.getByPlaceholderText('输入企业或药店名称'), { target: { value: ' 长风 ' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));

    expect(await screen.findByText('「长风」的查询结果')).toBeTruthy();
    expect(lookups()[0][0].data).toEqual({ q: '长风' });
    const cards = Array.from(container.querySelectorAll('.card')).map((card) => card.textContent);
    expect(cards).toEqual(['长风大厦物业已复工企业 · 2026-03-02 起复工', '长风制衣厂未复工企业', '长风药房已复工药店 · 2026-02-20 起复工']);
    expect(screen.queryByRole('button', { name: '扫场所码查询' })).toBeNull();
  });

  it('asks for a name instead of searching nothing, and says when nothing matches', async () => {
    serveApi({ 'GET /api/places/lookup': reply(200, { items: [] }) });
    render(<PlaceLookupPage />);

    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(screen.getByText('请输入企业或药店名称')).toBeTruthy();
    expect(lookups()).toHaveLength(0);

    fireEvent.input(screen.getByPlaceholderText('输入企业或药店名称'), { target: { value: '不存在的公司' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(await screen.findByText('没有找到相符的企业或药店')).toBeTruthy();
  });

  it('on weapp, a scanned place code shows that place alone, and records no visit', async () => {
    process.env.TARO_ENV = 'weapp';
    taro.scanCode.mockResolvedValue({ result: PLACE_TOKEN });
    serveApi({ 'POST /api/places/lookup-code': reply(200, { items: [items[0]] }) });
    const { container } = render(<PlaceLookupPage />);
    expect(screen.getByText('扫描场所门口的场所码即可查看该场所；只查询，不记为到访。')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '扫场所码查询' }));

    expect(await screen.findByText('「长风大厦物业」的查询结果')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('.card')).map((card) => card.textContent)).toEqual(['长风大厦物业已复工企业 · 2026-03-02 起复工']);
    const sent = taro.request.mock.calls.map(([o]) => `${o.method ?? 'GET'} ${o.url}`);
    expect(sent).toEqual(['POST /api/places/lookup-code']);
    expect(taro.request.mock.calls[0][0].data).toEqual({ placeToken: PLACE_TOKEN });
  });

  it('on weapp, a code that is not a place\'s says so', async () => {
    process.env.TARO_ENV = 'weapp';
    taro.scanCode.mockResolvedValue({ result: PLACE_TOKEN });
    serveApi({ 'POST /api/places/lookup-code': reply(400, invalidPlaceCode) });
    render(<PlaceLookupPage />);

    fireEvent.click(screen.getByRole('button', { name: '扫场所码查询' }));

    expect(await screen.findByText('此场所码无效或已停用')).toBeTruthy();
    expect(taro.request.mock.calls.map(([o]) => `${o.method ?? 'GET'} ${o.url}`)).toEqual(['POST /api/places/lookup-code']);
  });
});

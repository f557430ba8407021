import { shanghaiDate } from '@sqtb/shared';
import { saveSession } from '../../../core/session';
import { loginReply } from '../../../test-support/fixtures';
import { districtStaff, RISK_REGIONS } from '../../../test-support/health-fixtures';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, setRouterParams, taro } from '../../../test-support/taro-mock';
import HealthManagePage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('../../../places/components/contact-candidates.css', () => ({}));

const ID_NUMBER = '310115198805120018';
const APPEAL_ID = '64b0000000000000000000f1';
const today = shanghaiDate(new Date());
const calls = (method: string, url: string) => taro.request.mock.calls.filter(([o]) => (o.method ?? 'GET') === method && o.url === url);

const record = { id: 'c1', idMasked: '3101**********0018', status: 'home_observation', date: '2026-03-01', source: 'form', createdAt: '2026-03-01T02:00:00.000Z' };
const noCases = reply(200, { items: [], total: 0, page: 1, pageSize: 20 });

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(districtStaff));
});

describe('the district health management page', () => {
  it('imports a pasted CSV as text/csv and shows which lines were applied and, in words, why the others were refused', async () => {
    const csv = `idNumber,status,date,note\n${ID_NUMBER},close_contact,2026-03-08,\n310115198805120019,close_contact,2026-03-08,\n${ID_NUMBER},sick,2026-3-8,\n`;
    serveApi({
      'GET /api/health/cases': noCases,
      'POST /api/health/cases/import': reply(200, {
        applied: 1,
        refused: 2,
        lines: [
          { line: 2, applied: true, idMasked: '3101**********0018', status: 'close_contact' },
          { line: 3, applied: false, error: 'idNumber: The ID number has a wrong check character' },
          { line: 4, applied: false, error: 'status: Invalid option: expected one of "confirmed"|"suspected"; date: a date such as 2026-03-01' },
        ],
      }),
    });
    render(<HealthManagePage />);
    await screen.findByText('还没有状态记录');

    fireEvent.click(screen.getByText('批量导入'));
    fireEvent.input(screen.getByPlaceholderText('粘贴 CSV 内容'), { target: { value: csv } });
    fireEvent.click(screen.getByRole('button', { name: '导入' }));

    expect(await screen.findByText('已导入 1 行，未导入 2 行')).toBeTruthy();
    const lines = Array.from(document.querySelectorAll('.import-line')).map((l) => [l.className.includes('applied') ? 'applied' : 'refused', l.textContent]);
    expect(lines).toEqual([
      ['applied', '第 2 行已导入 3101**********0018 密切接触者'],
      ['refused', '第 3 行未导入：身份证号校验位不正确，请核对最后一位'],
      ['refused', `第 4 行未导入：状态应为 confirmed、suspected、asymptomatic、close_contact、centralised_isolation、home_observation、released 之一；日期格式应为 2026-03-01`],
    ]);
    const sent = calls('POST', '/api/health/cases/import')[0][0];
    expect(sent.data).toBe(csv);
    expect(sent.header).toMatchObject({ 'Content-Type': 'text/csv' });
  });

  it('sets a status by ID number (dated today unless changed) and reloads the records', async () => {
    let saved = false;
    serveApi({
      'GET /api/health/cases': () => (saved ? reply(200, { items: [{ ...record, status: 'close_contact', date: today }], total: 1, page: 1, pageSize: 20 }) : noCases),
      'POST /api/health/cases': () => {
        saved = true;
        return reply(201, { idMasked: '3101**********0018', status: 'close_contact', date: today });
      },
    });
    render(<HealthManagePage />);
    expect(await screen.findByText('还没有状态记录')).toBeTruthy();

    fireEvent.input(screen.getByPlaceholderText('居民身份证号（18 位）'), { target: { value: ID_NUMBER } });
    fireEvent.click(screen.getByText('密切接触者'));
    fireEvent.input(screen.getByPlaceholderText('备注（选填）'), { target: { value: '流调通报' } });
    fireEvent.click(screen.getByRole('button', { name: '设置状态' }));

    expect(await screen.findByText('3101**********0018')).toBeTruthy();
    expect(calls('POST', '/api/health/cases')[0][0].data).toEqual({ idNumber: ID_NUMBER, status: 'close_contact', date: today, note: '流调通报' });
    expect(calls('GET', '/api/health/cases')).toHaveLength(2);
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已设为密切接触者', icon: 'none' });
  });

  it('refuses an ID number with a wrong check character before posting', async () => {
    serveApi({ 'GET /api/health/cases': noCases });
    render(<HealthManagePage />);
    await screen.findByText('还没有状态记录');

    fireEvent.input(screen.getByPlaceholderText('居民身份证号（18 位）'), { target: { value: '310115198805120019' } });
    fireEvent.click(screen.getByText('密切接触者'));
    fireEvent.click(screen.getByRole('button', { name: '设置状态' }));

    expect(screen.getByText('身份证号校验位不正确，请核对最后一位')).toBeTruthy();
    expect(calls('POST', '/api/health/cases')).toHaveLength(0);
  });

  it('lists the records with masked ID numbers, status names and where they came from', async () => {
    serveApi({ 'GET /api/health/cases': reply(200, { items: [record], total: 1, page: 1, pageSize: 20 }) });
    render(<HealthManagePage />);

    expect(await screen.findByText('3101**********0018')).toBeTruthy();
    expect(screen.getByText('居家观察', { selector: '.tag' })).toBeTruthy();
    expect(screen.getByText('2026-03-01 起 · 表单录入 · 录入于 2026-03-01 10:00')).toBeTruthy();
  });

  it('corrects an open appeal with a status and date, and the queue reloads', async () => {
    const open = { id: APPEAL_ID, colorAtFiling: 'red', reason: '我已解除隔离满 14 天', status: 'open', createdAt: '2026-03-09T02:00:00.000Z', name: '张*', idMasked: '3101**********0018' };
    let resolved = false;
    serveApi({
      'GET /api/health/cases': noCases,
      'GET /api/health-code/appeals': () => reply(200, { items: resolved ? [] : [open] }),
      [`POST /api/health-code/appeals/${APPEAL_ID}/resolve`]: () => {
        resolved = true;
        return reply(200, { ...open, status: 'corrected', resolutionNote: '核实后更正' });
      },
    });
    render(<HealthManagePage />);
    await screen.findByText('还没有状态记录');

    fireEvent.click(screen.getByText('申诉处理'));
    expect(await screen.findByText('我已解除隔离满 14 天')).toBeTruthy();
    expect(screen.getByText('张* · 3101**********0018')).toBeTruthy();
    expect(screen.getByText('2026-03-09 10:00 申诉 · 当时为红码')).toBeTruthy();
    fireEvent.click(screen.getByText('更正状态'));
    fireEvent.click(screen.getByText('解除隔离'));
    fireEvent.input(screen.getByPlaceholderText('处理说明（居民可见）'), { target: { value: '核实后更正' } });
    fireEvent.click(screen.getByRole('button', { name: '提交处理' }));

    expect(await screen.findByText('没有待处理的申诉')).toBeTruthy();
    expect(calls('POST', `/api/health-code/appeals/${APPEAL_ID}/resolve`)[0][0].data).toEqual({
      outcome: 'corrected',
      note: '核实后更正',
      correction: { status: 'released', date: today },
    });
    expect(calls('GET', '/api/health-code/appeals').map(([o]) => o.data)).toEqual([{ status: 'open' }, { status: 'open' }]);
  });

  it('lists the risk regions with their level and the date it took effect', async () => {
    serveApi({ 'GET /api/health/cases': noCases, 'GET /api/health/risk-regions': reply(200, { regions: RISK_REGIONS }) });
    render(<HealthManagePage />);
    await screen.findByText('还没有状态记录');

    fireEvent.click(screen.getByText('风险地区'));

    expect(await screen.findByText('湖北省武汉市')).toBeTruthy();
    const card = screen.getByText('湖北省武汉市').closest('.card');
    expect(card?.textContent).toContain('高风险');
    expect(card?.textContent).toContain('2020-01-23 起');
    await waitFor(() => expect(document.querySelectorAll('.tag').length).toBe(3));
  });

  it('opened with ?tab=appeals (the overview\'s open appeals) shows the appeals queue at once', async () => {
    setRouterParams({ tab: 'appeals' });
    serveApi({ 'GET /api/health-code/appeals': reply(200, { items: [] }) });
    render(<HealthManagePage />);

    expect(await screen.findByText('没有待处理的申诉')).toBeTruthy();
    expect(calls('GET', '/api/health-code/appeals').map(([o]) => o.data)).toEqual([{ status: 'open' }]);
    expect(calls('GET', '/api/health/cases')).toHaveLength(0);
  });
});

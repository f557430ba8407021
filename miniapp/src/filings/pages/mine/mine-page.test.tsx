import { shanghaiDate, type DailyReportBody, type DailyReportView } from '@sqtb/shared';
import { saveSession } from '../../../core/session';
import { enterpriseUser, filingSummary, filingView } from '../../../test-support/filing-fixtures';
import { loginReply } from '../../../test-support/fixtures';
import { fireEvent, render, screen } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import MyFilingsPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('../../filings.css', () => ({}));

const page = (items: unknown[]) => reply(200, { items, total: items.length, page: 1, pageSize: 20 });
const today = shanghaiDate(new Date());
const reportPosts = () => taro.request.mock.calls.filter(([o]) => o.method === 'POST' && o.url === '/api/enterprise-filings/f-1/daily-reports');

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(enterpriseUser));
});

describe('my filings (enterprise)', () => {
  it('offers to file when there is none', async () => {
    serveApi({ 'GET /api/enterprise-filings': page([]) });
    render(<MyFilingsPage />);
    fireEvent.click(await screen.findByRole('button', { name: '填写复工备案' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/filings/pages/file/index' });
  });

  it('shows what to amend when the filing was returned, and opens the form on it', async () => {
    serveApi({
      'GET /api/enterprise-filings': page([filingSummary({ status: 'returned' })]),
      'GET /api/enterprise-filings/f-1': reply(200, filingView({ status: 'returned', returnNote: '请补充员工返岗前 14 天行程排查', actions: ['amend'] })),
    });
    render(<MyFilingsPage />);

    expect(await screen.findByText('需要修改：请补充员工返岗前 14 天行程排查')).toBeTruthy();
    expect(screen.getByText('退回修改')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '修改并重新提交' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/filings/pages/file/index?id=f-1' });
  });

  it('shows the certificate QR once approved, and posts the daily report', async () => {
    const approved = filingView({ status: 'approved', missingToday: true, latestReport: { date: '2026-03-01', onSite: 12, feverCases: 1 } });
    let reports: DailyReportView[] = [{ id: 'r-1', date: '2026-03-01', onSite: 12, feverCases: 1 }];
    serveApi({
      'GET /api/enterprise-filings': page([filingSummary({ status: 'approved' })]),
      'GET /api/enterprise-filings/f-1': reply(200, approved),
      'GET /api/enterprise-filings/f-1/certificate': reply(200, {
        token: 'cert.token.signature',
        enterpriseName: '上海潍坊小笼餐饮有限公司',
        approvedAt: '2026-03-01T03:00:00.000Z',
        expiresAt: '2099-03-01T03:00:00.000Z',
      }),
      'GET /api/enterprise-filings/f-1/daily-reports': () => reply(200, { items: reports }),
      'POST /api/enterprise-filings/f-1/daily-reports': (o) => {
        const sent: DailyReportView = { id: `r-${reports.length + 1}`, ...(o.data as DailyReportBody) };
        reports = [...reports, sent];
        return reply(201, sent);
      },
    });
    const { container } = render(<MyFilingsPage />);

    expect(await screen.findByText('复工证明')).toBeTruthy();
    expect(container.querySelectorAll('.certificate .qr__dark').length).toBeGreaterThan(20);
    expect(screen.getByText('今天还没有报告，请在 10:00 前完成（无异常也请报告）。')).toBeTruthy();
    expect(await screen.findByText('在岗 12 人 · 发热 1 人')).toBeTruthy();
    expect(container.querySelector('.report-line--fever')).toBeTruthy();

    fireEvent.input(screen.getByPlaceholderText('今日在岗人数'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: '提交今日报告' }));

    expect(await screen.findByText('在岗 15 人 · 发热 0 人')).toBeTruthy();
    expect(reportPosts()).toHaveLength(1);
    expect(reportPosts()[0][0].data).toEqual({ date: today, onSite: 15, feverCases: 0 });
  });

  it('says so when the day was reported already, and checks the numbers first', async () => {
    serveApi({
      'GET /api/enterprise-filings': page([filingSummary({ status: 'approved' })]),
      'GET /api/enterprise-filings/f-1': reply(200, filingView({ status: 'approved' })),
      'GET /api/enterprise-filings/f-1/certificate': reply(200, { token: 't', enterpriseName: 'x', approvedAt: '2026-03-01T03:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' }),
      'GET /api/enterprise-filings/f-1/daily-reports': reply(200, { items: [] }),
      'POST /api/enterprise-filings/f-1/daily-reports': reply(409, { error: { code: 'CONFLICT', message: 'Already reported' } }),
    });
    render(<MyFilingsPage />);

    fireEvent.click(await screen.findByRole('button', { name: '提交今日报告' }));
    expect(screen.getByText('请填写在岗人数（整数）')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('今日在岗人数'), { target: { value: '3' } });
    fireEvent.input(screen.getByPlaceholderText('发热人数（没有填 0）'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: '提交今日报告' }));
    expect(screen.getByText('发热人数不能多于在岗人数')).toBeTruthy();
    expect(reportPosts()).toHaveLength(0);
    fireEvent.input(screen.getByPlaceholderText('发热人数（没有填 0）'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: '提交今日报告' }));
    expect(await screen.findByText('该日已报告过，无需重复报告')).toBeTruthy();
  });

  it('adds employees to a waiting filing from a pasted CSV, and says which lines were refused', async () => {
    let csv = '';
    serveApi({
      'GET /api/enterprise-filings': page([filingSummary()]),
      'GET /api/enterprise-filings/f-1': reply(200, filingView()),
      'POST /api/enterprise-filings/f-1/roster': (o) => {
        csv = o.data as string;
        return reply(200, { added: 1, refused: 1, lines: [{ line: 2, applied: true, idMasked: '3101**********0018' }, { line: 3, applied: false, error: 'phone: Invalid' }] });
      },
    });
    render(<MyFilingsPage />);

    expect(await screen.findByText('已提交，等待居委会审核')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '追加返岗员工（CSV）' }));
    fireEvent.input(screen.getByPlaceholderText('粘贴员工名单 CSV'), { target: { value: '姓名,手机号,身份证号\n张伟\t13800000001\t310115198805120018\n李娜，1380000，310115199203180026' } });
    fireEvent.click(screen.getByRole('button', { name: '上传名单' }));

    expect(await screen.findByText('已追加 1 人，未追加 1 行')).toBeTruthy();
    expect(screen.getByText('第 2 人 李娜')).toBeTruthy();
    expect(screen.getByText('未追加：手机号不正确')).toBeTruthy();
    expect(csv).toBe('name,phone,idNumber\n张伟,13800000001,310115198805120018\n李娜,1380000,310115199203180026');
    expect(taro.request.mock.calls.find(([o]) => o.url === '/api/enterprise-filings/f-1/roster')?.[0].header).toMatchObject({ 'Content-Type': 'text/csv' });
  });
});

import { saveSession } from '../../../core/session';
import { COMPLAINT_ID, complaintView, demoOrg } from '../../../test-support/complaint-fixtures';
import { loginReply, resident } from '../../../test-support/fixtures';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro, type RequestOptions } from '../../../test-support/taro-mock';
import ReportComplaintPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const DUPLICATE_ID = '64b0000000000000000000d1';
const nearbyReply = (items: unknown[]) => reply(200, { items });
const duplicate = { id: DUPLICATE_ID, category: 'street-occupation', description: '路口有流动摊贩', address: '潍坊路 398 号', status: 'accepted', distanceMeters: 35, meTooCount: 2 };
const me = reply(200, { user: { ...resident, scope: { committeeId: 'c-b' } } });

const posted = (url: string) => taro.request.mock.calls.filter(([o]) => o.method === 'POST' && o.url === url).map(([o]) => o.data);

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  saveSession(loginReply());
  platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'h5';
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

/** Fill in the form: 占道经营 at the 潍坊一村 quick pick. */
async function fillReport() {
  fireEvent.click(screen.getByText('占道经营'));
  fireEvent.input(screen.getByPlaceholderText('请描述您遇到的问题（至少 5 个字）'), { target: { value: '门口有摊贩占道经营，行人难走' } });
  fireEvent.click(await screen.findByText('潍坊一村居委会'));
  fireEvent.input(screen.getByPlaceholderText('详细地址，例如：潍坊路 400 号门口'), { target: { value: '潍坊路 400 号门口' } });
}

describe('report page', () => {
  it("offers the resident's own committee first among the quick picks", async () => {
    serveApi({ 'GET /api/org': reply(200, demoOrg), 'GET /api/me': me });
    render(<ReportComplaintPage />);

    await screen.findByText('潍坊一村居委会');
    expect(Array.from(document.querySelectorAll('.chips')[1].children).map((c) => c.textContent)).toEqual(['潍坊四村居委会', '潍坊一村居委会']);
  });

  it('shows open same-kind reports within 100 m before submitting, and 我也遇到了 calls the API', async () => {
    serveApi({
      'GET /api/org': reply(200, demoOrg),
      'GET /api/me': me,
      'GET /api/complaints/nearby': nearbyReply([duplicate]),
      [`POST /api/complaints/${DUPLICATE_ID}/metoo`]: reply(200, { meTooCount: 3 }),
    });
    render(<ReportComplaintPage />);
    await fillReport();

    fireEvent.click(screen.getByRole('button', { name: '提交' }));

    expect(await screen.findByText('路口有流动摊贩')).toBeTruthy();
    expect(screen.getByText('35 米外')).toBeTruthy();
    const nearbyCall = taro.request.mock.calls.find(([o]) => o.url === '/api/complaints/nearby')![0];
    expect(nearbyCall.data).toEqual({ lat: 31.229, lng: 121.523, category: 'street-occupation' });

    fireEvent.click(screen.getByRole('button', { name: '我也遇到了' }));

    expect(await screen.findByText('3 人也遇到了')).toBeTruthy();
    expect(posted(`/api/complaints/${DUPLICATE_ID}/metoo`)).toEqual([{}]);
    expect(screen.getByText('已记录您的反映')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '完成，不再提交' }));
    expect(taro.navigateBack).toHaveBeenCalled();
    expect(posted('/api/complaints')).toEqual([]); // nothing filed
  });

  it('仍要提交 files the report anyway and opens its page', async () => {
    serveApi({
      'GET /api/org': reply(200, demoOrg),
      'GET /api/me': me,
      'GET /api/complaints/nearby': nearbyReply([duplicate]),
      'POST /api/complaints': reply(201, complaintView()),
    });
    render(<ReportComplaintPage />);
    await fillReport();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));

    fireEvent.click(await screen.findByRole('button', { name: '仍要提交' }));

    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: `/complaints/pages/detail/index?id=${COMPLAINT_ID}` }));
    expect(posted('/api/complaints')).toHaveLength(1);
  });

  it('files at once when nothing of the kind is open nearby, with the body the BFF expects', async () => {
    serveApi({
      'GET /api/org': reply(200, demoOrg),
      'GET /api/me': me,
      'GET /api/complaints/nearby': nearbyReply([]),
      'POST /api/complaints': reply(201, complaintView()),
    });
    render(<ReportComplaintPage />);
    await fillReport();
    fireEvent.click(screen.getByRole('switch'));

    fireEvent.click(screen.getByRole('button', { name: '提交' }));

    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
    expect(posted('/api/complaints')).toEqual([
      {
        category: 'street-occupation',
        description: '门口有摊贩占道经营，行人难走',
        location: { lat: 31.229, lng: 121.523 },
        address: '潍坊路 400 号门口',
        photoIds: [],
        anonymous: true,
      },
    ]);
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已提交', icon: 'success' });
  });

  it('offers the street shops near the picked place; the one chosen is sent as shopId', async () => {
    const SHOP_ID = '64b0000000000000000000e1';
    serveApi({
      'GET /api/org': reply(200, demoOrg),
      'GET /api/me': me,
      'GET /api/complaints/nearby-shops': reply(200, { items: [{ id: SHOP_ID, name: '潍坊路小吃店' }] }),
      'GET /api/complaints/nearby': nearbyReply([]),
      'POST /api/complaints': reply(201, complaintView()),
    });
    render(<ReportComplaintPage />);
    await fillReport();

    fireEvent.click(await screen.findByText('潍坊路小吃店'));
    fireEvent.click(screen.getByRole('button', { name: '提交' }));

    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
    const shopsCall = taro.request.mock.calls.find(([o]) => o.url === '/api/complaints/nearby-shops')![0];
    expect(shopsCall.data).toEqual({ lat: 31.229, lng: 121.523 });
    expect(posted('/api/complaints')).toEqual([expect.objectContaining({ shopId: SHOP_ID, category: 'street-occupation' })]);
  });

  it('lists what is missing and sends nothing', async () => {
    serveApi({ 'GET /api/org': reply(200, demoOrg), 'GET /api/me': me });
    render(<ReportComplaintPage />);
    await screen.findByText('潍坊一村居委会');

    fireEvent.click(screen.getByRole('button', { name: '提交' }));

    for (const problem of ['请选择问题类型', '请描述问题（至少 5 个字）', '请选择问题位置', '请填写详细地址']) {
      expect(screen.getByText(problem)).toBeTruthy();
    }
    expect(taro.request.mock.calls.map(([o]: [RequestOptions]) => o.url)).toEqual(['/api/org', '/api/me']);
  });

  it('uploads each chosen photo at once and sends the ids; a photo over 2 MB is refused before sending', async () => {
    taro.chooseMedia.mockResolvedValue({
      type: 'image',
      tempFiles: [
        { tempFilePath: 'blob:a', size: 300_000 },
        { tempFilePath: 'blob:big', size: 3 * 1024 * 1024 },
      ],
    });
    taro.uploadFile.mockResolvedValue({ statusCode: 201, data: JSON.stringify({ id: 'f0000000000000000000000b', contentType: 'image/png', size: 300_000, url: '/api/files/f' }) });
    serveApi({ 'GET /api/org': reply(200, demoOrg), 'GET /api/me': me, 'GET /api/complaints/nearby': nearbyReply([]), 'POST /api/complaints': reply(201, complaintView()) });
    render(<ReportComplaintPage />);
    await fillReport();

    fireEvent.click(screen.getByText('添加照片 0/6'));

    expect(await screen.findByText('照片超过 2 MB')).toBeTruthy();
    expect(taro.uploadFile).toHaveBeenCalledTimes(1);
    expect(taro.chooseMedia.mock.calls[0][0]).toMatchObject({ count: 6, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album'] });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(screen.getByText('有照片上传失败，请删除后重试')).toBeTruthy();

    fireEvent.click(screen.getAllByText('删除')[1]);
    fireEvent.click(screen.getByRole('button', { name: '提交' }));

    await waitFor(() => expect(posted('/api/complaints')).toHaveLength(1));
    expect(posted('/api/complaints')[0]).toMatchObject({ photoIds: ['f0000000000000000000000b'] });
  });

  it('shows an upload the BFF refused as failed, in Chinese', async () => {
    taro.chooseMedia.mockResolvedValue({ type: 'image', tempFiles: [{ tempFilePath: 'blob:gif', size: 1000 }] });
    taro.uploadFile.mockResolvedValue({
      statusCode: 415,
      data: JSON.stringify({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Only JPEG, PNG or WebP photos are accepted' } }),
    });
    serveApi({ 'GET /api/org': reply(200, demoOrg), 'GET /api/me': me });
    render(<ReportComplaintPage />);

    fireEvent.click(screen.getByText('添加照片 0/6'));

    expect(await screen.findByText('仅支持 JPEG、PNG 或 WebP 格式的照片')).toBeTruthy();
  });

  it('keeps the form and says why when filing fails', async () => {
    serveApi({
      'GET /api/org': reply(200, demoOrg),
      'GET /api/me': me,
      'GET /api/complaints/nearby': nearbyReply([]),
      'POST /api/complaints': reply(400, { error: { code: 'VALIDATION_FAILED', message: 'address: too short' } }),
    });
    render(<ReportComplaintPage />);
    await fillReport();

    fireEvent.click(screen.getByRole('button', { name: '提交' }));

    expect(await screen.findByText('填写的内容不符合要求，请检查后重试')).toBeTruthy();
    expect(taro.redirectTo).not.toHaveBeenCalled();
    expect((screen.getByPlaceholderText('详细地址，例如：潍坊路 400 号门口') as HTMLInputElement).value).toBe('潍坊路 400 号门口');
  });

  it('still lets the resident submit when the nearby check fails', async () => {
    serveApi({ 'GET /api/org': reply(200, demoOrg), 'GET /api/me': me, 'POST /api/complaints': reply(201, complaintView()) });
    const serve = taro.request.getMockImplementation()!;
    taro.request.mockImplementation(async (o) => (o.url === '/api/complaints/nearby' ? Promise.reject({ errMsg: 'request:fail' }) : serve(o)));
    render(<ReportComplaintPage />);
    await fillReport();

    fireEvent.click(screen.getByRole('button', { name: '提交' }));

    expect(await screen.findByText('暂时无法查询附近的相同问题（网络连接失败，请检查网络后重试）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '仍要提交' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
  });

  it("in the mini-program takes the place from WeChat's map picker", async () => {
    process.env.TARO_ENV = 'weapp';
    taro.chooseLocation.mockResolvedValue({ latitude: 31.2236, longitude: 121.5301, name: '潍坊四村', address: '潍坊路 120 号' });
    serveApi({});
    render(<ReportComplaintPage />);

    expect(screen.queryByText('潍坊一村居委会')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '在地图上选择位置' }));

    expect(await screen.findByText('已选位置：31.22360, 121.53010')).toBeTruthy();
    expect((screen.getByPlaceholderText('详细地址，例如：潍坊路 400 号门口') as HTMLInputElement).value).toBe('潍坊路 120 号');
    expect(taro.chooseMedia).not.toHaveBeenCalled();
  });
});

import { Types } from 'mongoose';
import { idNumberFor, Tokens } from '../../test/fixture-kit';
import type { TestApp, TestResponse } from '../../test/test-app';
import { UserModel } from '../accounts/user.model';
import { VisitModel } from './visit.model';

/** What the place-code tests share: calls by openid, a user's id, an approved filing, a place's code, a snapshot of the visits. */
export class PlacesKit {
  readonly tokens: Tokens;
  constructor(readonly t: TestApp) {
    this.tokens = new Tokens(t);
  }

  async get(openid: string, path: string): Promise<TestResponse> {
    return this.t.request('GET', path, { token: await this.tokens.of(openid) });
  }

  async post(openid: string, path: string, body: unknown = {}): Promise<TestResponse> {
    return this.t.request('POST', path, { token: await this.tokens.of(openid), body });
  }

  async userId(openid: string): Promise<string> {
    await this.tokens.of(openid);
    return String((await UserModel.findOne({ openid }).lean())!._id);
  }

  /** The place this manager runs, with a freshly signed code. */
  async place(openid: string): Promise<{ id: string; name: string; token: string }> {
    const mine = await this.get(openid, '/api/places/mine');
    if (mine.status !== 200) throw new Error(`no place for ${openid}: ${mine.status} ${mine.text}`);
    return mine.body;
  }

  scan(openid: string, placeToken: string): Promise<TestResponse> {
    return this.post(openid, '/api/visits', { placeToken });
  }

  /** enterprise-1 (上海潍坊小笼餐饮有限公司, committee A) files, and cadre-1 approves. */
  async approveEnterprise1(reopenDate: string): Promise<string> {
    const committeeId = String((await UserModel.findOne({ openid: 'cadre-1' }).lean())!.scope!.committeeId);
    const filed = await this.post('enterprise-1', '/api/enterprise-filings', {
      enterpriseName: '上海潍坊小笼餐饮有限公司', creditCode: '91310115MA1K3R5W2E', address: '潍坊路 402 号', committeeId, contactName: '周经理', contactPhone: '13600000000', reopenDate,
      plan: { text: '每日两次消毒，员工进店测温并查验绿码，设置临时隔离室。' }, suppliesDays: 14, isolationRoom: true, commitment: true,
      roster: [{ name: '孙丽', phone: '13700000001', idNumber: idNumberFor(31_001) }],
    });
    if (filed.status !== 201) throw new Error(`filing refused: ${filed.status} ${filed.text}`);
    const approved = await this.post('cadre-1', `/api/enterprise-filings/${filed.body.id}/approve`, {});
    if (approved.status !== 200) throw new Error(`approval refused: ${approved.status} ${approved.text}`);
    return filed.body.id;
  }
}

/** Every visit as stored, for "nothing was written" checks. */
export async function visitsSnapshot(): Promise<string> {
  return JSON.stringify(await VisitModel.collection.find({}).sort({ _id: 1 }).toArray());
}

export const oid = (id: string) => new Types.ObjectId(id);

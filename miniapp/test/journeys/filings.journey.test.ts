import { idNumberCheckChar } from '@sqtb/shared';
import { journeyStage } from './browser';
import { signIn, type PhoneUser } from './phone-user';

const CREDIT_CODE = '91310115MA1K3R5W2E'; // E1's, seeded in mock/src/seed/district.ts
/** Valid ID numbers (GB 11643) of people the district has no records of: green codes. */
const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);
const EMPLOYEES = [
  { name: '王小明', phone: '13900000011', idNumber: idNumber('31011519900101123') },
  { name: '刘小红', phone: '13900000012', idNumber: idNumber('31011519920202234') },
];

const visible = (user: PhoneUser, selector: string) => user.page.locator(selector).locator('visible=true');

/**
 * 企业复工备案 on the H5 build served by the real BFF: the enterprise files in
 * three steps, the committee's cadre approves from the queue, and the
 * enterprise sees 已通过 with its certificate QR.
 */
describe('enterprise resumption filing on H5', () => {
  const stage = journeyStage();

  it('the enterprise files, the cadre approves, and the enterprise gets the certificate', async () => {
    const enterprise = await signIn(stage.browser, stage.app.baseUrl, '周经理（潍坊小笼）');
    await enterprise.tapText('复工备案');
    await enterprise.see('还没有复工备案');
    await enterprise.tapText('填写复工备案');

    // Step 1: the name and address come from the org; the credit code is checked as typed.
    await enterprise.page.waitForFunction(
      (name) => Array.from(document.querySelectorAll('input')).some((input) => input.value === name),
      '上海潍坊小笼餐饮有限公司',
      { timeout: 15_000 },
    );
    await enterprise.fill('18 位统一社会信用代码', '91310115MA1K3R5W2A');
    await enterprise.see('统一社会信用代码校验位不正确');
    await enterprise.fill('18 位统一社会信用代码', CREDIT_CODE);
    await enterprise.see('统一社会信用代码校验通过');
    await enterprise.fill('联系人姓名', '周经理');
    await enterprise.fill('联系人手机号', '13800000009');
    await enterprise.tapText('下一步');

    // Step 2: the plan and the signed commitment.
    await enterprise.fill('请写明测温登记、分餐错峰、消毒通风、异常处置等措施（至少 20 字）', '每日两次测温登记，错峰就餐，公共区域每日消毒三次并通风，发现发热立即隔离并报告。');
    await enterprise.fill('口罩、消毒用品等可用天数（0–365）', '30');
    await visible(enterprise, '.switch-row:has-text("我已阅读并签署以上承诺") input').first().tap();
    await enterprise.tapText('下一步');

    // Step 3: one employee typed, one pasted.
    await enterprise.tapText('添加员工');
    await enterprise.fill('姓名', EMPLOYEES[0].name);
    await enterprise.fill('手机号', EMPLOYEES[0].phone);
    await enterprise.fill('身份证号', EMPLOYEES[0].idNumber);
    const [, second] = EMPLOYEES;
    await enterprise.fill('粘贴员工名单，每行：姓名,手机号,身份证号', `${second.name},${second.phone},${second.idNumber}`);
    await enterprise.tapText('读入名单');
    await enterprise.see('已读入 1 名员工');
    await enterprise.tapText('提交备案');
    // Too long for a toast (7 characters at most): the confirmation is a modal, closed before moving on.
    await enterprise.see('已提交，等待审核');
    await enterprise.tapText('知道了');
    await enterprise.see('已提交，等待居委会审核');

    // The committee's cadre finds it in the queue and approves.
    const cadre = await signIn(stage.browser, stage.app.baseUrl, '陈书记（潍坊一村）');
    await cadre.tapText('复工备案审核');
    await cadre.tapText('上海潍坊小笼餐饮有限公司');
    await cadre.see('共 2 人：绿码 2 · 黄码 0 · 红码 0');
    await cadre.tapText('审核通过');
    await cadre.tapText('确定');
    await visible(cadre, '.tag--green:has-text("已通过")').first().waitFor({ timeout: 15_000 });

    // The enterprise sees 已通过 and its certificate.
    await enterprise.page.reload();
    await visible(enterprise, '.tag--green:has-text("已通过")').first().waitFor({ timeout: 15_000 });
    await enterprise.see('复工证明');
    // The QR is drawn once the certificate has been fetched: wait for it before counting.
    await visible(enterprise, '.certificate .qr__dark').first().waitFor({ timeout: 15_000 });
    expect(await visible(enterprise, '.certificate .qr__dark').count()).toBeGreaterThan(100);
    await enterprise.see('提交今日报告');

    expect(enterprise.errors).toEqual([]);
    expect(cadre.errors).toEqual([]);
  });
});

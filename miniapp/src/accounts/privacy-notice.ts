/**
 * The app's own privacy notice, in the words residents read before WeChat lets
 * the app use their location, photos, clipboard or phone number. It follows
 * the README's "Personal data: who sees what" table; keep the two together.
 */
export interface NoticeLine {
  what: string;
  text: string;
}

/** What the app asks WeChat for, and why. */
export const DEVICE_DATA: readonly NoticeLine[] = [
  { what: '位置', text: '上报问题时标出问题所在地点；登记家庭时标出住址，用于按距离排列药店。只在您选择位置时读取。' },
  { what: '照片', text: '上报问题、处置部门反馈结果时附上的照片，由您从相册或相机选取，压缩后上传。' },
  { what: '剪贴板', text: '在随申码页复制码值，供无法扫码时手工核验。只写入，不读取。' },
  { what: '手机号', text: '口罩预约的家庭登记、企业复工备案的联系人。可一键使用微信绑定的手机号，也可以手动填写。' },
];

/** What people type in, and who sees it (the README's table). */
export const WHO_SEES: readonly NoticeLine[] = [
  { what: '身份证号', text: '登记家庭、病例名单和员工名单时填写。只保存加密摘要和脱敏号码（如 3101**********0018），任何人看到的都是脱敏号码。' },
  { what: '手机号', text: '完整保存。页面上显示脱敏号码（如 139****5678）；只有审核您家庭登记的居委干部能看到完整号码。' },
  { what: '上报人姓名', text: '您本人、居委干部和区、街镇工作人员看到全名；处置部门和其他居民只看到姓氏（如 张*）。' },
  { what: '随申码', text: '不保存。码值只给您本人；核验处只看到颜色和脱敏姓名。' },
  { what: '健康申报与行程', text: '用于计算您的随申码颜色；居委干部和区、街镇工作人员按职责查看。' },
  { what: '微信登录信息', text: '只用于识别您的账号；微信会话密钥不保存，也从不外发。' },
];

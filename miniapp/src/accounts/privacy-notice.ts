/**
 * The app's own privacy notice, in the words residents read before WeChat lets
 * the app use their location, photos, album, clipboard or phone number. It
 * follows the README's "Personal data: who sees what" table, row for row
 * (privacy-notice.test.ts holds the two together).
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
  { what: '相册（仅写入）', text: '企业、药店保存本场所的场所码海报，供打印张贴。只写入，不读取。' },
  { what: '手机号', text: '口罩预约的家庭登记、企业复工备案的联系人。可一键使用微信绑定的手机号，也可以手动填写。' },
];

/** What people type in, and who sees it (the README's table). */
export const WHO_SEES: readonly NoticeLine[] = [
  { what: '身份证号', text: '登记家庭、病例名单和员工名单时填写。只保存加密摘要和脱敏号码（如 3101**********0018），任何人看到的都是脱敏号码。' },
  { what: '手机号', text: '完整保存。页面上显示脱敏号码（如 139****5678）；只有审核您家庭登记的居委干部能看到完整号码。' },
  { what: '上报人姓名', text: '您本人、居委干部和区、街镇工作人员看到全名；处置部门和其他居民只看到姓氏（如 张*）。' },
  { what: '随申码', text: '不保存。码值只给您本人；核验处只看到颜色和脱敏姓名。' },
  { what: '随申码当前状态', text: '由您的申报、病例等记录算出的当前颜色、原因和脱敏姓名，连同身份证号的加密摘要，保存在您的账号上，记录有变化时重新计算。颜色、原因和脱敏姓名只给您本人；核验处只看到颜色和脱敏姓名。' },
  {
    what: '场所到访记录',
    text: '扫场所码进门时记录您、场所、时间、当时的码色和脱敏姓名。您本人可查看近 14 天的记录；场所管理方和区工作人员看到脱敏姓名、码色和时间；出现确诊病例时，区工作人员看到同一场所前后一小时内到访者的脱敏姓名。保存 28 天后删除；据此作出的密接判定，在相关到访记录全部删除后一并删除。',
  },
  { what: '电话（一键获取）', text: '使用微信绑定的手机号时，保存号码和微信确认的时间；您本人只看到脱敏号码，日志里从不出现。' },
  { what: '商户联系电话', text: '街面商户登记时填写，完整保存；区、街镇、居委工作人员和处置部门可见，用于联系商户。居民只看到商户名称。' },
  { what: '电脑扫码登录', text: '只保存登录码的摘要、确认人和时间，会话结束后自动删除，从不外发。' },
  { what: '健康申报与行程', text: '用于计算您的随申码颜色；居委干部和区、街镇工作人员按职责查看。' },
  { what: '微信登录信息', text: '只用于识别您的账号；微信会话密钥不保存，也从不外发。' },
];

export default definePageConfig({ navigationBarTitleText: '企业复工备案', enablePullDownRefresh: true });

export default definePageConfig({ navigationBarTitleText: '我的场所码', enablePullDownRefresh: true });

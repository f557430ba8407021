export default definePageConfig({ navigationBarTitleText: '综合总览', enablePullDownRefresh: true });

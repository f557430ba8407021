export default definePageConfig({ navigationBarTitleText: '投诉总览', enablePullDownRefresh: true });
